package cn.faultaccountability.benchmark;

import cn.faultaccountability.benchmark.WholeCaseDriver.CaseOutcome;
import cn.faultaccountability.testsupport.PostgresTestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 9 (a): whole cases per second, intake to closure through the Java API with every decision evaluation and the
 * timers ({@link WholeCaseDriver}), {@code wholeCases} cases driven by {@code threads} threads, all four
 * jurisdictions; what one case costs in engine transactions (top-level commands, {@link EngineCommandCounter}) and in
 * PostgreSQL transactions ({@link DatabaseTransactions}, less the idle application's background over the same time),
 * and the engine transactions per second as a share of the pgbench ceiling ({@link PgbenchCeilingSection}).
 * Every case must be closed: one that is not is an error of the run, not a data point.
 */
final class WholeCaseSection implements BenchmarkSection {

  static final String NAME = "cases";
  /** Issue 9: whole-case engine transactions/s at least 15 % of the pgbench ceiling. */
  static final double TARGET_SHARE = 15;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(BenchmarkRun run) throws Exception {
    BenchmarkScale scale = run.scale();
    int threads = scale.threads();
    double ceilingThreads = PgbenchCeilingSection.ceiling(run, threads);
    double ceilingOne = PgbenchCeilingSection.ceiling(run, 1);
    double ceiling = Math.max(ceilingThreads, ceilingOne);

    logStatementsIfAsked(run);
    ConfigurableApplicationContext application = run.application();
    EngineCommandCounter commands = run.commands();
    WholeCaseDriver driver = new WholeCaseDriver(application, commands);
    driver.logInAll();

    // warm-up (JIT, the engine's definition and expression caches): verified, not counted
    int warmUp = Math.max(4, 2 * threads) / 4 * 4;
    verify(run, drive(driver, 0, warmUp, threads));
    driver.resetStepTimes();

    DatabaseActivity database = new DatabaseActivity(run);
    // the idle application's own transactions (job acquisition, the dashboard metrics) over one settling wait:
    // subtracted below at the same rate
    DatabaseActivity.Snapshot idleFrom = database.settled();
    long idleCommandsFrom = commands.total();
    long idleStarted = System.nanoTime();
    DatabaseActivity.Snapshot before = database.settled();
    long commandsBefore = commands.total();
    long started = System.nanoTime();
    double idleSeconds = (started - idleStarted) / 1e9;
    double idleRate = before.minus(idleFrom).transactions() / idleSeconds;
    double idleCommandRate = (commandsBefore - idleCommandsFrom) / idleSeconds;

    List<CaseOutcome> outcomes = drive(driver, warmUp, scale.wholeCases(), threads);
    long ended = System.nanoTime();
    DatabaseActivity.Snapshot after = database.settled();
    long commandsAfter = commands.total();
    double windowSeconds = (System.nanoTime() - started) / 1e9;
    verify(run, outcomes);

    int cases = outcomes.size();
    double seconds = (ended - started) / 1e9;
    DatabaseActivity.Snapshot used = after.minus(before);
    long caseCommands = outcomes.stream().mapToLong(CaseOutcome::commands).sum();
    double databaseTransactions = used.transactions() - idleRate * windowSeconds;
    double background = (commandsAfter - commandsBefore) - caseCommands;
    double engineRate = caseCommands / seconds;
    Map<String, String> byTenant = new TreeMap<>(outcomes.stream().collect(Collectors.groupingBy(
        CaseOutcome::tenant, Collectors.collectingAndThen(Collectors.averagingLong(CaseOutcome::commands),
            mean -> String.format(Locale.ROOT, "%.1f", mean)))));
    String shape = cases + " cases, " + threads + " threads, " + String.format(Locale.ROOT, "%.1f s", seconds);

    var report = run.report();
    report.add(NAME, "whole cases/s", cases / seconds, "cases/s", shape + "; every case closed");
    report.add(NAME, "engine transactions per case", (double) caseCommands / cases, "tx",
        "top-level engine commands on the driving thread; by jurisdiction " + byTenant);
    report.add(NAME, "database transactions per case", databaseTransactions / cases, "tx",
        "pg_stat_database commits+rollbacks, less idle background "
            + String.format(Locale.ROOT, "%.1f tx/s", idleRate));
    report.add(NAME, "engine transactions/s", engineRate, "tx/s", shape);
    report.add(NAME, "database transactions/s", databaseTransactions / seconds, "tx/s",
        "job executor and other background commands in the window: " + Math.round(background) + " (idle rate "
            + String.format(Locale.ROOT, "%.2f", idleCommandRate) + "/s)");
    report.atLeast(NAME, "engine tx/s share of pgbench ceiling", 100 * engineRate / ceiling, "%", TARGET_SHARE,
        String.format(Locale.ROOT, "ceiling %.0f tx/s (pgbench %d clients %.0f, 1 client %.0f)", ceiling, threads,
            ceilingThreads, ceilingOne));
    report.add(NAME, "database tx/s share of pgbench ceiling", 100 * databaseTransactions / seconds / ceiling, "%",
        "same ceiling");
    report.add(NAME, "application CPU per case", outcomes.stream().mapToLong(CaseOutcome::cpuNanos).sum() / 1e6
        / cases, "ms", "CPU time of the driving thread (the engine, our delegates, decisions, documents)");
    report.add(NAME, "database statement time per case", used.activeMillis() / cases, "ms",
        "pg_stat_database active_time (includes waiting for the CPU under contention)");
    report.add(NAME, "rows written per case", used.rowsWritten().values().stream().mapToLong(Long::longValue).sum()
        / (double) cases, "rows", used.rowsWritten().entrySet().stream().map(e -> e.getKey() + " " + String.format(
            Locale.ROOT, "%.0f", e.getValue() / (double) cases)).collect(Collectors.joining(", ")));
    printSteps(driver, cases);
    shapeOfTheCases(run, outcomes);
  }

  /**
   * Profiling: {@code -Dbenchmark.logStatements=true} has PostgreSQL log every statement of the benchmark database
   * with its duration (server log; the database is dropped by the next run). Only connections opened afterwards log,
   * so the application must not be running yet.
   */
  private static void logStatementsIfAsked(BenchmarkRun run) throws Exception {
    if (Boolean.getBoolean("benchmark.logStatements")) {
      try (var admin = PostgresTestDatabase.adminConnection(); var sql = admin.createStatement()) {
        sql.execute("alter database " + run.databaseName() + " set log_min_duration_statement = 0");
      }
    }
  }

  /** Where a case's time goes, step by step (in the log, not the table): for profiling. */
  private static void printSteps(WholeCaseDriver driver, int cases) {
    System.out.println("[benchmark] cases · time per case by step (wall ms / CPU ms / engine commands):");
    for (WholeCaseDriver.StepTime step : driver.stepTimes()) {
      System.out.printf(Locale.ROOT, "[benchmark]   %-34s %8.1f %8.1f %6.1f  (%d times)%n", step.step(),
          step.wallNanos() / 1e6 / cases, step.cpuNanos() / 1e6 / cases, (double) step.commands() / cases,
          step.count());
    }
  }

  private static List<CaseOutcome> drive(WholeCaseDriver driver, int from, int count, int threads)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<CaseOutcome>> futures = new ArrayList<>();
      for (int i = from; i < from + count; i++) {
        int index = i;
        futures.add(pool.submit(() -> driver.drive(index)));
      }
      List<CaseOutcome> outcomes = new ArrayList<>();
      for (Future<CaseOutcome> future : futures) {
        try {
          outcomes.add(future.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("a whole case failed: " + e.getCause(), e.getCause());
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every case ended in the engine and is closed in fa_case. */
  private static void verify(BenchmarkRun run, List<CaseOutcome> outcomes) throws Exception {
    List<String> keys = outcomes.stream().map(CaseOutcome::businessKey).toList();
    List<String> instances = outcomes.stream().map(CaseOutcome::processInstanceId).toList();
    try (Connection connection = run.connection()) {
      List<String> notClosed = strings(connection, "select business_key from fa_case where business_key = any(?) "
          + "and not (status = 'CLOSED' and stage = 'CLOSED')", keys);
      long closed = count(connection, "select count(*) from fa_case where business_key = any(?) "
          + "and status = 'CLOSED' and stage = 'CLOSED'", keys);
      List<String> running = strings(connection, "select distinct proc_inst_id_ from act_ru_execution "
          + "where proc_inst_id_ = any(?)", instances);
      long completed = count(connection, "select count(*) from act_hi_procinst where id_ = any(?) "
          + "and state_ = 'COMPLETED' and end_time_ is not null", instances);
      if (!notClosed.isEmpty() || closed != keys.size() || !running.isEmpty() || completed != instances.size()) {
        throw new IllegalStateException("whole cases not closed: " + (keys.size() - closed) + " of " + keys.size()
            + " (" + notClosed + "), still running " + running + ", completed in history " + completed);
      }
    }
  }

  /** What the cases did: decision evaluations and timers per case (FULL history keeps both). */
  private static void shapeOfTheCases(BenchmarkRun run, List<CaseOutcome> outcomes) throws Exception {
    List<String> instances = outcomes.stream().map(CaseOutcome::processInstanceId).toList();
    try (Connection connection = run.connection()) {
      long decisions = count(connection, "select count(*) from act_hi_decinst where proc_inst_id_ = any(?)",
          instances);
      long tables = count(connection, "select count(distinct dec_def_key_) from act_hi_decinst "
          + "where proc_inst_id_ = any(?)", instances);
      long created = count(connection, "select count(*) from act_hi_job_log where process_instance_id_ = any(?) "
          + "and job_def_type_ like 'timer%' and job_state_ = 0", instances);
      long fired = count(connection, "select count(*) from act_hi_job_log where process_instance_id_ = any(?) "
          + "and job_def_type_ like 'timer%' and job_state_ = 2", instances);
      long cancelled = count(connection, "select count(*) from act_hi_job_log where process_instance_id_ = any(?) "
          + "and job_def_type_ like 'timer%' and job_state_ = 3", instances);
      double n = outcomes.size();
      run.report().add(NAME, "decision evaluations per case", decisions / n, "evals",
          tables + " decision tables evaluated by the process");
      run.report().add(NAME, "timers per case", created / n, "timers",
          String.format(Locale.ROOT, "created; %.1f fired, %.1f cancelled as stages ended", fired / n,
              cancelled / n));
    }
  }

  private static long count(Connection connection, String sql, List<String> ids) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      Array array = connection.createArrayOf("varchar", ids.toArray());
      statement.setArray(1, array);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> strings(Connection connection, String sql, List<String> ids) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
      List<String> values = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }
}
