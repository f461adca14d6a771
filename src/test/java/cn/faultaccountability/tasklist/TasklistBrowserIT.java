package cn.faultaccountability.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tasklist in a real browser against the app on PostgreSQL: {@code src/test/browser/tasklist-walkthrough.mjs} (Debian
 * chromium driven by playwright-core) carries a Jinan case from the start form to 送达处理决定, each step as its
 * role, and checks the screens (task names, due dates, the proposal, the server's refusal of bad input).
 * Screenshots: target/browser/. Needs {@code /usr/bin/chromium} and {@code npm ci} in src/test/browser (.ci/run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistBrowserIT {

  static final Path BROWSER = Path.of("src", "test", "browser");
  static final Path SCREENSHOTS = Path.of("target", "browser");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }

  @Test
  void aJinanCaseIsCarriedThroughTasklistByEachRole() throws Exception {
    assertThat(BROWSER.resolve("node_modules/playwright-core")).as("run npm ci in src/test/browser").isDirectory();
    Path log = Files.createDirectories(SCREENSHOTS).resolve("walkthrough.log");
    ProcessBuilder node = new ProcessBuilder(List.of("node", "tasklist-walkthrough.mjs"))
        .directory(BROWSER.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    node.environment().put("BASE_URL", "http://localhost:" + port);
    node.environment().put("OUT_DIR", SCREENSHOTS.toAbsolutePath().toString());
    Process process = node.start();
    boolean finished = process.waitFor(4, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(finished).as("walkthrough finished within 4 minutes").isTrue();
    assertThat(process.exitValue()).as("walkthrough:\n%s", output).isZero();
    assertThat(output).contains("\"ok\":true", "server refused: 表单有误，任务未完成：调查人员：调查人员不得少于两人");
    File[] shots = SCREENSHOTS.toFile().listFiles((dir, name) -> name.endsWith(".png"));
    assertThat(shots).as("screenshots").isNotNull().hasSizeGreaterThanOrEqualTo(11);
  }
}
