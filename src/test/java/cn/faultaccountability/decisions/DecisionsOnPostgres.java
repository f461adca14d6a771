package cn.faultaccountability.decisions;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.camunda.bpm.engine.ProcessEngine;

/** The running application on real PostgreSQL, shared by the decision-table integration tests (one context). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DecisionsOnPostgres {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  String engineRest() {
    return "http://localhost:" + port + "/engine-rest";
  }

  /** The decisions folder the tests read: {@code -Ddecisions.dir=…}, default the project's {@code decisions/}. */
  static Path decisionsDir() {
    return Path.of(System.getProperty("decisions.dir", "decisions"));
  }

  /** The command as the administrator runs it, with its output. */
  record CommandRun(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static CommandRun command(String... args) {
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int exit;
    try (var o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        var e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)) {
      exit = new DecisionTablesCommand(o, e, Map.of()).execute(args);
    }
    return new CommandRun(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8),
        err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  static void copyTree(Path from, Path to) throws IOException {
    DecisionCaseRunnerTest.copyTree(from, to);
  }

  static boolean exists(Path path) {
    return Files.exists(path);
  }
}
