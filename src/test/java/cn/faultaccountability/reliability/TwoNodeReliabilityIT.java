package cn.faultaccountability.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.reliability.NodeClient.Answer;
import cn.faultaccountability.testsupport.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the packaged jar on one PostgreSQL database (docs/reliability.md), as separate JVMs: cases driven
 * concurrently through both with their deadline timers due, and then the same while every connection to the
 * database is cut again and again, as a PostgreSQL restart does to the application — the shared test server itself is
 * not restarted (scripts/reliability/db-restart.sh does that). The nodes run the shipped settings except a job retry
 * cycle of R5/PT3S instead of production's R5/PT5M, so that jobs cut by the disruption are retried within the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeReliabilityIT {

  private static final String RETRY_CYCLE = "R5/PT3S";
  private static Database database;
  private static TwoNodeCluster cluster;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    database = new Database(PostgresTestDatabase.fresh(PostgresTestDatabase.name() + "_twonodes"),
        PostgresTestDatabase.user(), PostgresTestDatabase.password());
    cluster = TwoNodeCluster.start(database, Path.of("target", "reliability-it"), RETRY_CYCLE);
  }

  @AfterAll
  static void stopNodes() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void twoHundredCasesThroughTwoNodesEveryTimerFiresOnceNothingLostOrDuplicated() throws Exception {
    ReliabilityReport report = new ReliabilityReport("两个节点 / two nodes");
    TwoNodeDriver driver = new TwoNodeDriver(cluster.clients(), database,
        new TwoNodeDriver.Settings(200, 8, 5, Duration.ofMinutes(4), RETRY_CYCLE), Disruption.none(), report);
    driver.run().print(System.out);
    assertThat(report.failures()).as("failed checks").isEmpty();
  }

  @Test
  @Order(2)
  void cutDatabaseConnectionsUnderLoadNodesRecoverWithoutARestartAndRetryTheCutJobs() throws Exception {
    ReliabilityReport report = new ReliabilityReport("数据库连接被反复切断 / database connections cut under load");
    AtomicReference<TwoNodeDriver> driver = new AtomicReference<>();
    // at least 5 rounds, then on until some timer's execution was cut (at most 80 rounds)
    Disruption cut = Disruption.terminateBackends(database.adminUrl(), database.user(), database.password(),
        database.name(), Duration.ofMillis(1500), 5, 80, () -> driver.get().timerFailures() > 0);
    driver.set(new TwoNodeDriver(cluster.clients(), database,
        new TwoNodeDriver.Settings(60, 8, 5, Duration.ofMinutes(4), RETRY_CYCLE), cut, report));
    driver.get().run().print(System.out);
    assertThat(report.failures()).as("failed checks").isEmpty();
    assertThat(driver.get().timerFailures()).as("timer executions cut by the disruption, then retried").isPositive();
  }

  @Test
  @Order(3)
  void whileTheDatabaseRefusesConnectionsEveryNodeAnswers503InChineseThenRecovers() throws Exception {
    String name = database.name();
    database.onServer("alter database " + name + " with allow_connections false");
    try {
      database.onServer("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
      for (NodeClient node : cluster.clients()) {
        for (Answer a : List.of(node.get("/api/stats/overview", "jinan-manager"),
            node.get("/engine-rest/task?maxResults=1", "jinan-investigator"),
            node.post("/api/cases", "jinan-intake-clerk", "{\"tenant\": \"jinan\"}"))) {
          assertThat(a.status()).as(a.toString()).isEqualTo(503);
          assertThat(a.body()).as(a.toString()).contains("数据库暂时不可用").doesNotContain("\tat ", "Exception:");
        }
        assertThat(node.management("/actuator/health").status()).as(node.name() + " health while down").isEqualTo(503);
      }
    } finally {
      database.onServer("alter database " + name + " with allow_connections true");
    }
    Instant up = Instant.now();
    for (NodeClient node : cluster.clients()) {
      while (node.management("/actuator/health").status() != 200) {
        assertThat(Duration.between(up, Instant.now())).as(node.name() + " healthy again").isLessThan(Duration.ofMinutes(2));
        Thread.sleep(500);
      }
    }
    System.out.println("both nodes healthy " + Duration.between(up, Instant.now()).toMillis()
        + " ms after the database accepted connections again");
    // and they work as before: new cases through both nodes, their timers fire once each
    ReliabilityReport report = new ReliabilityReport("数据库恢复后 / after the database is back");
    new TwoNodeDriver(cluster.clients(), database,
        new TwoNodeDriver.Settings(12, 4, 4, Duration.ofMinutes(3), RETRY_CYCLE), Disruption.none(), report)
        .run().print(System.out);
    assertThat(report.failures()).as("failed checks").isEmpty();
  }
}
