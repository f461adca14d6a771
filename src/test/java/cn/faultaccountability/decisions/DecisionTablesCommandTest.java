package cn.faultaccountability.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command's exit codes, report and refusals that need no running engine. */
class DecisionTablesCommandTest {

  record Run(int exit, String out, String err) {
  }

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new DecisionTablesCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env).execute(args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void checkReportsOneLinePerProblemAndExitsOne() {
    Path dir = Path.of("src/test/resources/decisions-broken/overlap");
    Run run = run(Map.of(), "check", "--tenant", "jilin", "--dir", dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains(
        "overlap/jilin/evaluation-grade.dmn · jilin_resp_art31_excellent、jilin_resp_art31_good · UNIQUE 表的两条规则重叠",
        "overlap/jilin/sanctions.dmn · - · 缺少决策表",
        "检查未通过（jilin）：");
  }

  @Test
  void deployIsRefusedBeforeAnyRequestWhenTheCheckFails() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    // nothing listens on the port: a request would end in "无法连接"; the refusal comes first
    Run run = run(Map.of("ENGINE_REST_URL", "http://localhost:" + freePort + "/engine-rest"),
        "deploy", "--tenant", "jilin", "--dir", "src/test/resources/decisions-broken/unknown-code");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("未部署任何内容").doesNotContain("无法连接");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run(Map.of()).exit()).isEqualTo(2);
    Run unknown = run(Map.of(), "publish");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("未知命令 publish");
    Run missing = run(Map.of(), "rollback", "--tenant", "jilin");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("缺少 --key");
    Run option = run(Map.of(), "check", "--tenat", "jilin");
    assertThat(option.exit()).isEqualTo(2);
    assertThat(option.err()).contains("没有选项 --tenat");
  }

  @Test
  void deploymentNameIsNeverTheApplicationsStartupDeployment() {
    assertThat(DecisionTablesCommand.deploymentName("jinan")).isEqualTo("decisions-jinan-revision")
        .isNotEqualTo(cn.faultaccountability.platform.StartupDeployment.decisionsDeploymentName(
            cn.faultaccountability.platform.Jurisdiction.JINAN));
    assertThat(DecisionTablesCommand.SOURCE).isNotEqualTo(cn.faultaccountability.platform.StartupDeployment.SOURCE);
  }
}
