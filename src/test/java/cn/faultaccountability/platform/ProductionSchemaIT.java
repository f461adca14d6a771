package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.testsupport.EngineRest;
import cn.faultaccountability.testsupport.PostgresTestDatabase;
import cn.faultaccountability.testsupport.RunningApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8.7 on PostgreSQL, with the packaged jar as operations run it: the production profile on an empty database
 * does not start and names {@code schema create}; after that command it starts — only the configured administrator,
 * REST behind authentication, secure session cookies; tables of an earlier Camunda stop the start naming
 * {@code schema upgrade}, and after that command it starts again.
 */
class ProductionSchemaIT {

  private static final Path JAR = Path.of("target", "fault-accountability.jar");

  @TempDir Path dataDir;

  private Map<String, String> prod(String url) {
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_PROFILES_ACTIVE", "prod");
    env.put("DB_URL", url);
    env.put("DB_USER", PostgresTestDatabase.user());
    // required by the production profile; the test server trusts local connections and ignores it when empty
    env.put("DB_PASSWORD", PostgresTestDatabase.password().isEmpty() ? "not-used-by-trust-auth"
        : PostgresTestDatabase.password());
    env.put("ADMIN_USER", "chief");
    env.put("ADMIN_PASSWORD", "Pr0d-Admin-Secret");
    env.put("DATA_DIR", dataDir.toString());
    return env;
  }

  /** The jar with these arguments, to its end: exit code and output. */
  private record Run(int exit, String output) {}

  private Run run(Map<String, String> env, Path log, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PORT", "0");
    builder.environment().put("MANAGEMENT_PORT", "0");
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("did not end:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void productionStartsOnlyOnceTheSchemaCommandMadeTheEngineTables() throws Exception {
    assertThat(JAR).as("the packaged jar (mvn package runs before the integration tests)").exists();
    String url = PostgresTestDatabase.fresh(PostgresTestDatabase.name() + "_prod_schema");
    Map<String, String> env = prod(url);

    Run refused = run(env, dataDir.resolve("empty.log"));
    assertThat(refused.exit()).as(refused.output()).isNotZero();
    assertThat(refused.output()).contains("引擎数据库表不存在", "java -jar fault-accountability.jar schema create")
        .doesNotContain("system is up");

    Run check = run(env, dataDir.resolve("check.log"), "schema", "check");
    assertThat(check.exit()).as(check.output()).isEqualTo(1);
    assertThat(check.output()).contains("ACT_RU_EXECUTION", "schema create");
    Run create = run(env, dataDir.resolve("create.log"), "schema", "create");
    assertThat(create.exit()).as(create.output()).isZero();
    assertThat(create.output()).contains("activiti.postgres.create.engine.sql", "引擎数据库表已就绪");

    try (RunningApp app = RunningApp.start(env, dataDir.resolve("prod.log"))) {
      EngineRest rest = new EngineRest(app.port());
      assertThat(rest.get("/engine-rest/task", null).statusCode()).isEqualTo(401);
      assertThat(rest.get("/api/me", null).statusCode()).isEqualTo(401);
      HttpRequest.Builder asChief = rest.request("/engine-rest/user", null).header("Authorization", "Basic "
          + java.util.Base64.getEncoder().encodeToString("chief:Pr0d-Admin-Secret".getBytes(StandardCharsets.UTF_8)));
      HttpResponse<String> users = rest.send(asChief.GET().build());
      assertThat(users.statusCode()).isEqualTo(200);
      assertThat(users.body()).contains("\"id\":\"chief\"").doesNotContain("\"id\":\"demo\"", "jinan-intake-clerk");
      assertThat(rest.get("/engine-rest/task", "demo").statusCode()).as("no demo user").isEqualTo(401);
      secureCookies(app.port());
    }

    // tables of an earlier Camunda version: the start stops, naming the upgrade
    try (Connection db = DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
        Statement sql = db.createStatement()) {
      sql.execute("update ACT_GE_SCHEMA_LOG set VERSION_ = '7.23.0'");
    }
    Run outdated = run(env, dataDir.resolve("outdated.log"));
    assertThat(outdated.exit()).as(outdated.output()).isNotZero();
    assertThat(outdated.output()).contains("7.23.0", "java -jar fault-accountability.jar schema upgrade");
    Run upgrade = run(env, dataDir.resolve("upgrade.log"), "schema", "upgrade");
    assertThat(upgrade.exit()).as(upgrade.output()).isZero();
    assertThat(upgrade.output()).contains("postgres_engine_7.23_to_7.24.sql", "引擎数据库表已就绪");
    try (RunningApp app = RunningApp.start(env, dataDir.resolve("again.log"))) {
      assertThat(app.log()).contains("system is up");
    }
  }

  /** The session cookie of the webapps (and their CSRF cookie) carry Secure and HttpOnly in production. */
  private static void secureCookies(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://localhost:" + port;
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/welcome/default/"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    List<String> cookies = page.headers().allValues("Set-Cookie");
    String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(session).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
    assertThat(cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow())
        .containsIgnoringCase("Secure");
    // a browser sends a Secure cookie only over HTTPS; the test sends it by hand to log in over HTTP
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base
            + "/camunda/api/admin/auth/user/default/login/welcome"))
        .header("Cookie", session.substring(0, session.indexOf(';'))).header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=chief&password="
            + URLEncoder.encode("Pr0d-Admin-Secret", StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
        .allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
  }
}
