package cn.faultaccountability.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.calendar.DueDateCalculator;
import cn.faultaccountability.calendar.StatutoryDeadlines;
import cn.faultaccountability.testsupport.EngineRest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core runs
 * {@code src/test/browser-dashboard/dashboard.mjs} against this app, logs in as {@code jinan-manager}, compares the
 * figures with the seeded cases ({@link DashboardFixture}), checks that Jilin's cases are absent and saves
 * {@code target/dashboard-jinan-manager.png}. Needs {@code chromium} (apt-get install -y chromium) and Node; the
 * folder's {@code npm ci} is run here when its node_modules are missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:dashboard-browser;DB_CLOSE_DELAY=-1"})
class DashboardBrowserTest {

  private static final Path FOLDER = Path.of("src/test/browser-dashboard");
  private static final Path SCREENSHOT = Path.of("target/dashboard-jinan-manager.png").toAbsolutePath();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired StatutoryDeadlines statutoryDeadlines;
  @Autowired DueDateCalculator calculator;

  @Test
  void aJinanManagerSeesJinansFiguresAndNothingOfJilin() throws Exception {
    assertThat(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
        .as("Debian's chromium is needed: apt-get install -y chromium").exists();
    if (!Files.exists(FOLDER.resolve("node_modules/playwright-core"))) {
      assertThat(run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund"), 300)).as("npm ci").isZero();
    }
    DashboardFixture cases = new DashboardFixture(new EngineRest(port), jdbc, statutoryDeadlines, calculator);
    cases.seed();
    Files.deleteIfExists(SCREENSHOT);

    ProcessBuilder node = new ProcessBuilder("node", "dashboard.mjs");
    node.environment().put("BASE_URL", "http://localhost:" + port);
    node.environment().put("EXPECTED", new ObjectMapper().writeValueAsString(cases.expectedForJinan()));
    node.environment().put("SCREENSHOT", SCREENSHOT.toString());
    assertThat(run(node, 180)).as("browser checks (output above)").isZero();
    assertThat(SCREENSHOT).exists();
  }

  private static int run(ProcessBuilder builder, int seconds) throws IOException, InterruptedException {
    Path log = Files.createTempFile("dashboard-browser", ".log");
    Process process = builder.directory(FOLDER.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    System.out.println(Files.readString(log, StandardCharsets.UTF_8));
    Files.deleteIfExists(log);
    return finished ? process.exitValue() : -1;
  }
}
