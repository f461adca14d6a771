package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.testsupport.EngineRest;
import cn.faultaccountability.testsupport.PostgresTestDatabase;
import cn.faultaccountability.testsupport.RunningApp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as a user starts it: {@code java -jar target/fault-accountability.jar}. It needs nothing
 * installed (embedded H2 in DATA_DIR), tells where to log in, keeps its data across a restart, and a decision table
 * an administrator redeploys over REST (as Camunda Modeler does) is still the one in force after the restart —
 * on H2 and on PostgreSQL.
 */
class JarStartupIT {

  private static final Path TABLE = Path.of("decisions", "jinan", "statutory-deadlines.dmn");

  @TempDir Path dataDir;

  @Test
  void firstRunOnEmbeddedH2KeepsDataAndRevisedTablesAcrossARestart() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dataDir.toString());
    String log = restartKeepsDataAndRevision(env);
    assertThat(log).contains("/camunda/app/tasklist/").contains("demo / demo").contains("/engine-rest");
    assertThat(dataDir.resolve("fault-accountability.mv.db")).exists();
  }

  @Test
  void theSameJarRunsOnPostgresWithOneSwitch() throws Exception {
    Map<String, String> env = new HashMap<>();
    // a database of its own: the revised table it deploys must not become the other tests' latest version
    env.put("DB_URL", PostgresTestDatabase.fresh(PostgresTestDatabase.name() + "_jar"));
    env.put("DB_USER", PostgresTestDatabase.user());
    env.put("DB_PASSWORD", PostgresTestDatabase.password());
    restartKeepsDataAndRevision(env);
  }

  private String restartKeepsDataAndRevision(Map<String, String> env) throws Exception {
    String userId = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    String revisedTag;
    String firstLog;
    try (RunningApp app = RunningApp.start(env, dataDir.resolve("first.log"))) {
      firstLog = app.log();
      EngineRest rest = new EngineRest(app.port());
      assertThat(rest.get("/engine-rest/task", null).statusCode()).isEqualTo(401);
      assertThat(rest.postJson("/engine-rest/user/create", "demo",
          "{\"profile\":{\"id\":\"" + userId + "\",\"firstName\":\"重启\",\"lastName\":\"测试\"},"
              + "\"credentials\":{\"password\":\"pw-" + userId + "\"}}").statusCode()).isEqualTo(204);

      String original = Files.readString(TABLE, StandardCharsets.UTF_8);
      Matcher tag = Pattern.compile("camunda:versionTag=\"([^\"]+)\"").matcher(original);
      assertThat(tag.find()).as("versionTag in " + TABLE).isTrue();
      revisedTag = tag.group(1) + "-rev" + userId.substring(8);
      String revised = original.replace(tag.group(0), "camunda:versionTag=\"" + revisedTag + "\"");
      var deployed = rest.send(multipartDeployment(rest, revised));
      assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
      assertThat(latestVersionTag(rest)).isEqualTo(revisedTag);
    }
    try (RunningApp app = RunningApp.start(env, dataDir.resolve("second.log"))) {
      EngineRest rest = new EngineRest(app.port());
      assertThat(rest.get("/engine-rest/user/" + userId + "/profile", "demo").statusCode()).isEqualTo(200);
      assertThat(latestVersionTag(rest)).as("the administrator's revision is still the latest").isEqualTo(revisedTag);
    }
    return firstLog;
  }

  private static String latestVersionTag(EngineRest rest) {
    String body = rest.get("/engine-rest/decision-definition/key/statutory-deadlines/tenant-id/jinan", "demo").body();
    Matcher m = Pattern.compile("\"versionTag\":\"([^\"]*)\"").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }

  /** What Camunda Modeler sends: a deployment named after the file, with the tenant id. */
  private static HttpRequest multipartDeployment(EngineRest rest, String xml) {
    String boundary = "----fa" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    Map<String, String> fields = Map.of("deployment-name", "statutory-deadlines", "tenant-id", "jinan",
        "deployment-source", "Camunda Modeler", "deploy-changed-only", "true");
    fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
        .append(value).append("\r\n"));
    body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"statutory-deadlines.dmn\"; filename=\"statutory-deadlines.dmn\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n").append(xml).append("\r\n")
        .append("--").append(boundary).append("--\r\n");
    return rest.request("/engine-rest/deployment/create", "demo")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
  }
}
