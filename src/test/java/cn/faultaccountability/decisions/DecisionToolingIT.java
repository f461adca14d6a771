package cn.faultaccountability.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/decision-tables.md, step by step, against the running application (PostgreSQL): an administrator copies
 * Jilin's tables, revises the evaluation grades (excellent from 90 instead of 95) with its cases, checks, deploys over
 * REST as {@code demo}, evaluates the revision, rolls it back and evaluates again. A table with a wrong code or broken
 * XML is refused and nothing reaches the engine.
 */
class DecisionToolingIT extends DecisionsOnPostgres {

  private static final String TENANT = "jilin";
  private static final String KEY = "evaluation-grade";
  private static final String REVISION_TAG = "jilin-responsibility-it-revision";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;
  Path decisions;

  @BeforeEach
  void copyTheTenantsTables() throws Exception {
    Path source = decisionsDir();
    Assumptions.assumeTrue(Files.isRegularFile(source.resolve(TENANT).resolve(KEY + ".dmn")),
        "需要 " + source.resolve(TENANT) + " 下吉林市的决策表（-Ddecisions.dir=…）");
    decisions = work.resolve("decisions");
    copyTree(source.resolve(TENANT), decisions.resolve(TENANT));
    for (String file : new String[] {DecisionContracts.CONTRACTS_FILE, DecisionContracts.VOCABULARY_FILE}) {
      if (Files.exists(source.resolve(file))) {
        Files.copy(source.resolve(file), decisions.resolve(file));
      }
    }
  }

  @Test
  void reviseCheckDeployEvaluateRollBack() throws Exception {
    assertThat(command("check", "--tenant", TENANT, "--dir", decisions.toString()).exit())
        .as("the copied tables pass the check as they are").isZero();
    // the tables as they are, so that a version before the revision exists whatever the app deployed at start
    CommandRun baseline = deploy("demo", "demo");
    assertThat(baseline.exit()).as(baseline.all()).isZero();
    assertThat(grade(92)).as("Art. 31: 85 points and more are good, 95 excellent").isEqualTo("GOOD");

    reviseExcellentFrom90();
    CommandRun check = command("check", "--tenant", TENANT, "--dir", decisions.toString());
    assertThat(check.exit()).as(check.all()).isZero();
    assertThat(check.out()).contains("检查通过");

    CommandRun deploy = deploy("demo", "demo");
    assertThat(deploy.exit()).as(deploy.all()).isZero();
    assertThat(deploy.out()).contains("已部署到 " + engineRest())
        .containsPattern("evaluation-grade · 版本 \\d+ · versionTag " + REVISION_TAG + " · id ");
    assertThat(grade(92)).isEqualTo("EXCELLENT");
    assertThat(latest().path("versionTag").asText()).isEqualTo(REVISION_TAG);

    // the same tables again: changed-only, no new version
    int versionAfterDeploy = latest().path("version").asInt();
    CommandRun again = deploy("demo", "demo");
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.out()).contains("没有产生新版本");
    assertThat(latest().path("version").asInt()).isEqualTo(versionAfterDeploy);

    CommandRun rollback = command("rollback", "--tenant", TENANT, "--key", KEY, "--url", engineRest(),
        "--user", "demo", "--password", "demo");
    assertThat(rollback.exit()).as(rollback.all()).isZero();
    assertThat(rollback.out()).contains("已回滚 evaluation-grade", "新版本 " + (versionAfterDeploy + 1));
    assertThat(grade(92)).as("after the rollback 92 points are good again (Art. 31: 95 for excellent)")
        .isEqualTo("GOOD");
    assertThat(latest().path("version").asInt()).isEqualTo(versionAfterDeploy + 1);
    assertThat(latest().path("versionTag").asText()).isNotEqualTo(REVISION_TAG);
  }

  @Test
  void aWrongCodeOrBrokenXmlIsRefusedAndNothingIsDeployed() throws Exception {
    long before = engine.getRepositoryService().createDeploymentQuery().count();
    Path table = decisions.resolve(TENANT).resolve(KEY + ".dmn");
    String original = Files.readString(table, StandardCharsets.UTF_8);

    Files.writeString(table, original.replace("\"EXCELLENT\"", "\"OUTSTANDING\""), StandardCharsets.UTF_8);
    CommandRun wrongCode = deploy("demo", "demo");
    assertThat(wrongCode.exit()).isEqualTo(1);
    assertThat(wrongCode.out()).contains("\"OUTSTANDING\" 不在词汇表 grades 中");
    assertThat(wrongCode.err()).contains("未部署任何内容");

    Files.writeString(table, original.replace("</decisionTable>", ""), StandardCharsets.UTF_8);
    CommandRun broken = deploy("demo", "demo");
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.out()).contains("evaluation-grade.dmn · - · XML 错误");

    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void wrongPasswordAndNoEngineAreSaidPlainly() throws Exception {
    // not demo: a failed login makes the engine delay that user's next logins, and other tests log in as demo
    CommandRun wrongPassword = deploy("no-such-administrator", "wrong");
    assertThat(wrongPassword.exit()).isEqualTo(1);
    assertThat(wrongPassword.err()).contains("认证失败（401）", "no-such-administrator");

    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    CommandRun noEngine = command("rollback", "--tenant", TENANT, "--key", KEY,
        "--url", "http://localhost:" + freePort + "/engine-rest", "--user", "demo", "--password", "demo");
    assertThat(noEngine.exit()).isEqualTo(1);
    assertThat(noEngine.err()).contains("无法连接");
  }

  @Test
  void theJarRunsTheCheckWithoutStartingTheApplication() throws Exception {
    Path jar = Path.of("target", "fault-accountability.jar");
    assertThat(jar).as("the packaged jar (package runs before the integration tests)").exists();
    Files.writeString(decisions.resolve(TENANT).resolve(KEY + ".dmn"),
        Files.readString(decisions.resolve(TENANT).resolve(KEY + ".dmn"), StandardCharsets.UTF_8)
            .replace("\"EXCELLENT\"", "\"OUTSTANDING\""), StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "decisions", "check", "--tenant", TENANT, "--dir", decisions.toString())
        .redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    process.getInputStream().transferTo(output);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = output.toString(StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isEqualTo(1);
    assertThat(text).contains("decisions/jilin/evaluation-grade.dmn · ", "\"OUTSTANDING\" 不在词汇表 grades 中",
        "检查未通过（jilin）");
    assertThat(text).as("no Spring start, no engine debug output").doesNotContain("Tomcat", "DEBUG", "INFO");
  }

  private CommandRun deploy(String user, String password) {
    return command("deploy", "--tenant", TENANT, "--dir", decisions.toString(), "--url", engineRest(),
        "--user", user, "--password", password);
  }

  /**
   * The administrator's revision: excellent from 90 points (the rules are found by their grade, whatever their ids),
   * a new versionTag, and the case file rewritten for the revised limits.
   */
  private void reviseExcellentFrom90() throws Exception {
    Path table = decisions.resolve(TENANT).resolve(KEY + ".dmn");
    DmnModelInstance model = Dmn.readModelFromFile(table.toFile());
    Decision decision = model.getModelElementById(KEY);
    decision.setVersionTag(REVISION_TAG);
    DecisionTable decisionTable = (DecisionTable) decision.getExpression();
    int gradeColumn = -1;
    int scoreColumn = -1;
    for (int i = 0; i < decisionTable.getOutputs().size(); i++) {
      if ("grade".equals(decisionTable.getOutputs().stream().toList().get(i).getName())) {
        gradeColumn = i;
      }
    }
    for (int i = 0; i < decisionTable.getInputs().size(); i++) {
      if ("score".equals(decisionTable.getInputs().stream().toList().get(i).getInputExpression().getTextContent()
          .trim())) {
        scoreColumn = i;
      }
    }
    assertThat(gradeColumn).isNotNegative();
    assertThat(scoreColumn).isNotNegative();
    int changed = 0;
    for (Rule rule : decisionTable.getRules()) {
      String grade = rule.getOutputEntries().stream().toList().get(gradeColumn).getTextContent().trim();
      var score = rule.getInputEntries().stream().toList().get(scoreColumn);
      if ("\"EXCELLENT\"".equals(grade)) {
        score.getText().setTextContent(">= 90");
        changed++;
      } else if ("\"GOOD\"".equals(grade)) {
        score.getText().setTextContent("[85..90[");
        changed++;
      }
    }
    assertThat(changed).isEqualTo(2);
    Dmn.writeModelToFile(table.toFile(), model);
    Files.writeString(decisions.resolve(TENANT).resolve("cases").resolve(KEY + ".yaml"), """
        # 修订：90分以上为优秀（集成测试中的示例修订）
        decision: evaluation-grade
        cases:
          - case: 92分 → 优秀（修订后）
            article: 吉林市责任制规定第三十一条
            given: { score: 92, previousGrade: GOOD }
            expect: { grade: EXCELLENT }
          - case: 89分 → 良好
            article: 吉林市责任制规定第三十一条
            given: { score: 89, previousGrade: GOOD }
            expect: { grade: GOOD }
          - case: 75分 → 及格
            article: 吉林市责任制规定第三十一条
            given: { score: 75, previousGrade: GOOD }
            expect: { grade: PASS }
          - case: 60分，上年及格 → 不及格
            article: 吉林市责任制规定第三十二条第（三）项
            given: { score: 60, previousGrade: PASS }
            expect: { grade: FAIL, consequence: RECTIFICATION_NOTICE }
          - case: 60分，上年不及格 → 连续两年不及格
            article: 吉林市责任制规定第三十二条第（四）项
            given: { score: 60, previousGrade: FAIL }
            expect: { grade: FAIL, consequence: RECOMMEND_LEADER_REMOVAL }
        """, StandardCharsets.UTF_8);
  }

  private JsonNode latest() throws Exception {
    return get("/decision-definition/key/" + KEY + "/tenant-id/" + TENANT);
  }

  private String grade(int score) throws Exception {
    String body = "{\"variables\":{\"score\":{\"value\":" + score + ",\"type\":\"Integer\"},"
        + "\"previousGrade\":{\"value\":\"GOOD\",\"type\":\"String\"}}}";
    HttpResponse<String> response = HttpClient.newHttpClient().send(request(
        "/decision-definition/key/" + KEY + "/tenant-id/" + TENANT + "/evaluate")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode results = JSON.readTree(response.body());
    assertThat(results).hasSize(1);
    return results.get(0).path("grade").path("value").asText();
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(request(path).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(engineRest() + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)));
  }
}
