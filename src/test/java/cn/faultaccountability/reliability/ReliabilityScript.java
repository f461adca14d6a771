package cn.faultaccountability.reliability;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * What scripts/reliability/two-nodes.sh and db-restart.sh run (docs/reliability.md): two nodes of the packaged jar
 * on one PostgreSQL database, the {@link TwoNodeDriver} through them, and the summary printed; exit status 0 when
 * every check holds.
 *
 * <pre>
 *   two-nodes                    N cases through both nodes, due timers competing
 *   db-restart COMMAND...        the same, and COMMAND (restarting PostgreSQL) run once under load
 * </pre>
 * Environment: DB_URL, DB_USER, DB_PASSWORD (a disposable database the demo cases may be written to; without DB_URL
 * a fresh database {@code <IT_DB_NAME>_twonodes} is created on the IT_DB_* server), CASES (200), CONCURRENCY (8),
 * RACE_EVERY (5), RETRY_CYCLE (R5/PT10S; R5/PT5M is production's), TIMER_WAIT_SECONDS (300), RESTART_AFTER_SECONDS
 * (15).
 */
public final class ReliabilityScript {

  private ReliabilityScript() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "two-nodes" : args[0];
    if (!mode.equals("two-nodes") && !(mode.equals("db-restart") && args.length > 1)) {
      System.err.println("usage: ReliabilityScript two-nodes | db-restart COMMAND...");
      System.exit(2);
    }
    Database database = database();
    String retryCycle = env("RETRY_CYCLE", "R5/PT10S");
    TwoNodeDriver.Settings settings = new TwoNodeDriver.Settings(Integer.parseInt(env("CASES", "200")),
        Integer.parseInt(env("CONCURRENCY", "8")), Integer.parseInt(env("RACE_EVERY", "5")),
        Duration.ofSeconds(Long.parseLong(env("TIMER_WAIT_SECONDS", "300"))), retryCycle);
    ReliabilityReport report = new ReliabilityReport(mode.equals("two-nodes")
        ? "两个节点 / two nodes" : "PostgreSQL 重启 / database restart under load");
    report.figure("日期 / date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    report.figure("数据库 / database", database.url());
    System.out.println("starting node-a, then node-b on " + database.url() + " (logs: target/reliability/" + mode + ")");
    try (TwoNodeCluster cluster = TwoNodeCluster.start(database, Path.of("target", "reliability", mode), retryCycle)) {
      Disruption disruption = mode.equals("two-nodes") ? Disruption.none()
          : Disruption.restartServer(Arrays.asList(args).subList(1, args.length),
              Duration.ofSeconds(Long.parseLong(env("RESTART_AFTER_SECONDS", "15"))), cluster.clients());
      System.out.println("driving " + settings.cases() + " cases through " + cluster.clients().size() + " nodes; "
          + "disruption: " + disruption.describe());
      new TwoNodeDriver(cluster.clients(), database, settings, disruption, report).run();
    } catch (Exception | AssertionError e) {
      report.check("运行完成 / the run completed", "no error", e.toString(), false);
    }
    report.print(System.out);
    System.exit(report.passed() ? 0 : 1);
  }

  private static Database database() {
    String url = System.getenv("DB_URL");
    if (url == null || url.isBlank()) {
      return new Database(PostgresTestDatabase.fresh(PostgresTestDatabase.name() + "_twonodes"),
          PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }
    return new Database(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
