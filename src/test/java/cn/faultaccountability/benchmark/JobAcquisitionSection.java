package cn.faultaccountability.benchmark;

import cn.faultaccountability.platform.Jurisdiction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Issue 9 (d), docs/performance.md "作业获取与计时器 / Job acquisition and timers".
 * <ol>
 *   <li>Job acquisition with {@link BenchmarkScale#futureTimers()} future deadline timers in ACT_RU_JOB
 *   ({@link FutureTimerGenerator}): the engine's own {@link AcquireJobsCmd}, run through the application's command
 *   executor as its job executor runs it (same transaction, same query, same number of jobs asked for), p50/p95 of
 *   {@link BenchmarkScale#queryRepetitions()} runs. Target: p95 &lt; 5 ms.</li>
 *   <li>Firing lag: {@link BenchmarkScale#dueTimers()} instances of a benchmark process wait in a stage with a
 *   non-interrupting deadline timer on it, as our cases do (benchmark/benchmark-timer.bpmn: the timer's path runs a
 *   service task that records the firing, then ends; the instance keeps waiting). All their timers are set due at
 *   the same instant, with the future timers still in the table, and the application's job executor fires them.
 *   The lag of a timer is the time from its due date to its successful execution (ACT_HI_JOB_LOG). Target ≤ 5 s,
 *   applied to the p95 of the lags. Every timer must have fired exactly once: one successful job log entry per job,
 *   no failure, one service-task run and one recorded firing per instance, every instance still in its stage.</li>
 * </ol>
 * Afterwards its rows are removed (the benchmark instances, its deployments with their history, the generated
 * timers) and ACT_RU_JOB vacuumed, so sections that follow see the database as before.
 */
public final class JobAcquisitionSection implements BenchmarkSection {

  static final String PROCESS = "benchmark-timer";
  private static final String RESOURCE = "benchmark/benchmark-timer.bpmn";
  /** Seconds between the due-date update's commit and the due date, so that all timers become due together. */
  private static final long DUE_MARGIN_MILLIS = 2_000;

  @Override
  public String name() {
    return "jobs";
  }

  @Override
  public void run(BenchmarkRun run) throws Exception {
    ProcessEngine engine = run.bean(ProcessEngine.class);
    BenchmarkScale scale = run.scale();
    BenchmarkReport report = run.report();
    int futureTimers = scale.futureTimers();
    try (Connection db = run.connection()) {
      long started = System.nanoTime();
      FutureTimerGenerator.generate(db, futureTimers, System.currentTimeMillis());
      report.add(name(), "future timers in ACT_RU_JOB", futureTimers, "jobs",
          String.format(Locale.ROOT, "generated in %.1f s (2 per case, due in 6-365 days, 4 tenants)",
              (System.nanoTime() - started) / 1e9));
      try {
        measureAcquisition(run, engine, db, futureTimers);
        measureFiring(run, engine, db, futureTimers);
      } finally {
        started = System.nanoTime();
        int removed = FutureTimerGenerator.remove(db);
        System.out.printf(Locale.ROOT, "[benchmark] jobs: removed %d generated timers in %.1f s%n", removed,
            (System.nanoTime() - started) / 1e9);
      }
    }
  }

  private void measureAcquisition(BenchmarkRun run, ProcessEngine engine, Connection db, int futureTimers)
      throws SQLException, InterruptedException {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor executor = configuration.getJobExecutor();
    CommandExecutor commands = configuration.getCommandExecutorTxRequired();
    int repetitions = Math.max(run.scale().queryRepetitions(), 5);
    Map<String, long[]> scansBefore = scans(db);
    double[] millis = new double[repetitions];
    for (int i = -3; i < repetitions; i++) { // three warm-up runs
      long t0 = System.nanoTime();
      AcquiredJobs acquired = commands.execute(new AcquireJobsCmd(executor));
      double elapsed = (System.nanoTime() - t0) / 1e6;
      if (i >= 0) {
        millis[i] = elapsed;
      }
      // a job that happened to be due is locked now: hand it to the job executor rather than strand it
      for (List<String> batch : acquired.getJobIdBatches()) {
        executor.executeJobs(batch, (ProcessEngineImpl) engine);
      }
    }
    Thread.sleep(1_500); // backends report their scan counts to pg_stat at most once a second
    Map<String, long[]> scansAfter = scans(db);
    Arrays.sort(millis);
    String settings = "maxJobsPerAcquisition " + executor.getMaxJobsPerAcquisition() + ", by due date "
        + configuration.isJobExecutorAcquireByDueDate() + ", due date never null "
        + configuration.isEnsureJobDueDateNotNull() + "; " + scanDelta(scansBefore, scansAfter);
    String size = String.format(Locale.ROOT, "%,d future timers, %d runs; ", futureTimers, repetitions);
    run.report().add(name(), "acquisition p50", percentile(millis, 50), "ms", size + settings);
    run.report().atMost(name(), "acquisition p95", percentile(millis, 95), "ms", 5, size + "AcquireJobsCmd as the"
        + " job executor runs it (transaction, query, lock)");
  }

  private void measureFiring(BenchmarkRun run, ProcessEngine engine, Connection db, int futureTimers)
      throws Exception {
    int count = run.scale().dueTimers();
    RepositoryService repository = engine.getRepositoryService();
    List<String> deployments = new ArrayList<>();
    for (Jurisdiction jurisdiction : Jurisdiction.values()) {
      deployments.add(repository.createDeployment().name("benchmark-timer").tenantId(jurisdiction.tenantId())
          .addClasspathResource(RESOURCE).deploy().getId());
    }
    try {
      long started = System.nanoTime();
      startInstances(engine.getRuntimeService(), count, run.scale().threads());
      String[] jobDefinitions = jobDefinitions(db);
      int waiting = waiting(db, jobDefinitions)[0];
      if (waiting != count) {
        throw new IllegalStateException("expected " + count + " waiting benchmark timers, found " + waiting);
      }
      run.report().add(name(), "timers due at once", count, "jobs", String.format(Locale.ROOT,
          "instances started in %.1f s (%d threads); %,d future timers stay in the table", (System.nanoTime()
              - started) / 1e9, run.scale().threads(), futureTimers));

      Usage before = Usage.now(db);
      long dueAt = makeDue(db, jobDefinitions);
      awaitFired(db, jobDefinitions, count, dueAt);
      Thread.sleep(1_500); // backends report their statistics to pg_stat at most once a second
      Usage used = Usage.now(db).minus(before);
      List<long[]> fired = verifyFiredOnce(db, count, dueAt);

      double[] lags = fired.stream().mapToDouble(f -> (f[0] - dueAt) / 1000.0).sorted().toArray();
      long first = fired.stream().mapToLong(f -> f[0]).min().orElseThrow();
      long last = fired.stream().mapToLong(f -> f[0]).max().orElseThrow();
      String size = String.format(Locale.ROOT, "%,d timers due at once among %,d future timers", count,
          futureTimers);
      run.report().add(name(), "firing lag p50", percentile(lags, 50), "s", size);
      run.report().atMost(name(), "firing lag p95", percentile(lags, 95), "s", 5,
          size + "; target applied to the p95 of due date → successful execution");
      run.report().add(name(), "firing lag max", lags[lags.length - 1], "s", size);
      run.report().add(name(), "first firing after due date", (first - dueAt) / 1000.0, "s",
          "how long the job executor took to notice");
      double drain = Math.max(last - first, 1) / 1000.0;
      run.report().add(name(), "firing rate", count / drain, "jobs/s", String.format(Locale.ROOT,
          "%,d timers fired in %.1f s (first to last); each runs a service task, history full", count,
          drain));
      run.report().add(name(), "CPU per fired timer", used.cpuMillis() / count, "ms", String.format(Locale.ROOT,
          "application %.2f + database backends %.2f ms; %.2f transactions and %.1f rows written per timer",
          used.applicationCpuMillis() / count, used.databaseCpuMillis() / count, (double) used.transactions() / count,
          (double) used.rowsWritten() / count));
    } finally {
      long started = System.nanoTime();
      removeInstances(db, repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).list().stream()
          .map(org.camunda.bpm.engine.repository.ProcessDefinition::getId).toArray(String[]::new));
      for (String deployment : deployments) {
        repository.deleteDeployment(deployment, true);
      }
      int left = count(db, "select count(*) from ACT_RU_EXECUTION where PROC_DEF_ID_ like ? || ':%'", PROCESS)
          + count(db, "select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ?", PROCESS)
          + count(db, "select count(*) from ACT_HI_ACTINST where PROC_DEF_KEY_ = ?", PROCESS)
          + count(db, "select count(*) from ACT_HI_VARINST where PROC_DEF_KEY_ = ?", PROCESS)
          + count(db, "select count(*) from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = ?", PROCESS)
          + count(db, "select count(*) from ACT_RU_JOBDEF where PROC_DEF_KEY_ = ?", PROCESS);
      System.out.printf(Locale.ROOT, "[benchmark] jobs: benchmark instances and deployments removed in %.1f s%n",
          (System.nanoTime() - started) / 1e9);
      if (left != 0) {
        throw new IllegalStateException(left + " rows of the benchmark process are left after its removal");
      }
    }
  }

  /**
   * The benchmark's instances, still waiting in their stage: their runtime rows (two executions and two variables
   * each, nothing else) deleted in bulk, as deleting 10,000 instances one by one through the engine takes minutes;
   * their history goes with the deployments. A foreign key would refuse the delete if the engine kept more for them.
   */
  private static void removeInstances(Connection db, String[] processDefinitions) throws SQLException {
    for (String sql : List.of("delete from ACT_RU_VARIABLE where PROC_DEF_ID_ = any(?)",
        "delete from ACT_RU_EXECUTION where PROC_DEF_ID_ = any(?)")) {
      try (PreparedStatement delete = db.prepareStatement(sql)) {
        delete.setArray(1, db.createArrayOf("varchar", processDefinitions));
        delete.executeUpdate();
      }
    }
  }

  /** Instances whose timer is due tomorrow; {@link #makeDue} brings it forward. Tenants in turn. */
  private static void startInstances(RuntimeService runtime, int count, int threads) throws Exception {
    Date tomorrow = new Date(System.currentTimeMillis() + 86_400_000L);
    Jurisdiction[] tenants = Jurisdiction.values();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(threads, 1));
    try {
      List<Future<?>> slices = new ArrayList<>();
      int parts = Math.max(threads, 1);
      for (int part = 0; part < parts; part++) {
        int from = part;
        slices.add(pool.submit(() -> {
          for (int i = from; i < count; i += parts) {
            runtime.createProcessInstanceByKey(PROCESS)
                .processDefinitionTenantId(tenants[i % tenants.length].tenantId())
                .setVariable("dueAt", tomorrow).execute();
          }
        }));
      }
      for (Future<?> slice : slices) {
        slice.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** All benchmark timers due at one instant, shortly after this update commits; returns that instant. */
  private static long makeDue(Connection db, String[] jobDefinitions) throws SQLException {
    long dueAt = System.currentTimeMillis() + DUE_MARGIN_MILLIS;
    try (PreparedStatement update = db.prepareStatement(
        "update ACT_RU_JOB set DUEDATE_ = ? where JOB_DEF_ID_ = any(?)")) {
      update.setTimestamp(1, new Timestamp(dueAt));
      update.setArray(2, db.createArrayOf("varchar", jobDefinitions));
      update.executeUpdate();
    }
    if (System.currentTimeMillis() >= dueAt) {
      throw new IllegalStateException("making the timers due took longer than " + DUE_MARGIN_MILLIS + " ms");
    }
    return dueAt;
  }

  /** The benchmark process's timer job definitions (one per tenant's deployment): ACT_RU_JOB is indexed by them. */
  private static String[] jobDefinitions(Connection db) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement select = db.prepareStatement("select ID_ from ACT_RU_JOBDEF where PROC_DEF_KEY_ = ?")) {
      select.setString(1, PROCESS);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids.toArray(String[]::new);
  }

  /** Benchmark timers still waiting, and how many of them have failed. */
  private static int[] waiting(Connection db, String[] jobDefinitions) throws SQLException {
    try (PreparedStatement select = db.prepareStatement("select count(*), count(EXCEPTION_MSG_) from ACT_RU_JOB"
        + " where JOB_DEF_ID_ = any(?)")) {
      select.setArray(1, db.createArrayOf("varchar", jobDefinitions));
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return new int[] {rows.getInt(1), rows.getInt(2)};
      }
    }
  }

  /**
   * Waits until no benchmark timer is left, failing at once if one failed (a failed timer would be retried five
   * minutes later, not fired now) or if the job executor stops making progress for two minutes. Polls once a second
   * through the job-definition index, so that watching costs the database next to nothing.
   */
  private static void awaitFired(Connection db, String[] jobDefinitions, int count, long dueAt) throws Exception {
    int left = count;
    long lastProgress = System.currentTimeMillis();
    while (left > 0) {
      Thread.sleep(1_000);
      int[] now = waiting(db, jobDefinitions);
      if (now[1] > 0) {
        throw new IllegalStateException(now[1] + " benchmark timers failed (see ACT_RU_JOB.EXCEPTION_MSG_)");
      }
      if (now[0] < left) {
        lastProgress = System.currentTimeMillis();
        left = now[0];
      } else if (System.currentTimeMillis() - Math.max(lastProgress, dueAt) > 120_000) {
        throw new IllegalStateException(left + " of " + count + " timers had not fired two minutes after the last"
            + " one did");
      }
    }
  }

  /**
   * Every timer fired exactly once: one successful execution per job (and as many jobs as instances), no failure,
   * the service task ran and recorded its firing once in every instance, and every instance still waits in its
   * stage (the timer is non-interrupting). Returns (execution time) per timer.
   */
  private static List<long[]> verifyFiredOnce(Connection db, int count, long dueAt) throws SQLException {
    Map<String, Integer> checks = new LinkedHashMap<>();
    checks.put("successful job executions", count(db, "select count(*) from ACT_HI_JOB_LOG"
        + " where PROCESS_DEF_KEY_ = ? and JOB_STATE_ = 2", PROCESS));
    checks.put("jobs executed successfully", count(db, "select count(distinct JOB_ID_) from ACT_HI_JOB_LOG"
        + " where PROCESS_DEF_KEY_ = ? and JOB_STATE_ = 2", PROCESS));
    checks.put("jobs created", count(db, "select count(distinct JOB_ID_) from ACT_HI_JOB_LOG"
        + " where PROCESS_DEF_KEY_ = ? and JOB_STATE_ = 0", PROCESS));
    checks.put("service task runs", count(db, "select count(*) from ACT_HI_ACTINST"
        + " where PROC_DEF_KEY_ = ? and ACT_ID_ = 'RecordFiring' and END_TIME_ is not null", PROCESS));
    checks.put("instances with a service task run", count(db, "select count(distinct PROC_INST_ID_) from"
        + " ACT_HI_ACTINST where PROC_DEF_KEY_ = ? and ACT_ID_ = 'RecordFiring'", PROCESS));
    checks.put("instances still in their stage", count(db, "select count(*) from ACT_HI_PROCINST"
        + " where PROC_DEF_KEY_ = ? and END_TIME_ is null", PROCESS));
    checks.put("recorded firings", count(db, "select count(*) from ACT_HI_VARINST"
        + " where PROC_DEF_KEY_ = ? and NAME_ = 'firedAt'", PROCESS));
    List<String> wrong = checks.entrySet().stream().filter(e -> e.getValue() != count)
        .map(e -> e.getKey() + " " + e.getValue()).toList();
    int failures = count(db, "select count(*) from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = ? and JOB_STATE_ = 1",
        PROCESS);
    if (!wrong.isEmpty() || failures > 0) {
      throw new IllegalStateException("not every timer fired exactly once (expected " + count + " each): " + wrong
          + ", failures " + failures);
    }
    List<long[]> fired = new ArrayList<>(count);
    try (PreparedStatement select = db.prepareStatement("select TIMESTAMP_, JOB_DUEDATE_ from ACT_HI_JOB_LOG"
        + " where PROCESS_DEF_KEY_ = ? and JOB_STATE_ = 2")) {
      select.setString(1, PROCESS);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long due = rows.getTimestamp(2).getTime();
          if (due != dueAt) {
            throw new IllegalStateException("a timer ran with due date " + new Date(due) + ", not "
                + new Date(dueAt));
          }
          fired.add(new long[] {rows.getTimestamp(1).getTime()});
        }
      }
    }
    return fired;
  }

  /**
   * CPU used by the application (this JVM) and by the database's backends serving this benchmark's database (read
   * from /proc, as PostgreSQL runs on this host), with the database's transactions and rows written: what firing the
   * timers cost, independent of what else the machine was doing.
   */
  record Usage(double applicationCpuMillis, double databaseCpuMillis, long transactions, long rowsWritten,
      Map<Integer, Long> backendTicks) {

    static Usage now(Connection db) throws SQLException {
      double application = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
      Map<Integer, Long> ticks = new LinkedHashMap<>();
      try (PreparedStatement select = db.prepareStatement(
          "select pid from pg_stat_activity where datname = current_database()");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ticks.put(rows.getInt(1), cpuTicks(rows.getInt(1)));
        }
      }
      long transactions;
      long written;
      try (PreparedStatement select = db.prepareStatement("select xact_commit + xact_rollback,"
          + " tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = current_database()");
          ResultSet rows = select.executeQuery()) {
        rows.next();
        transactions = rows.getLong(1);
        written = rows.getLong(2);
      }
      double database = ticks.values().stream().mapToLong(Long::longValue).sum() * 10.0;
      return new Usage(application, database, transactions, written, ticks);
    }

    /** What was used since {@code before}; backends that started meanwhile count from zero. */
    Usage minus(Usage before) {
      long ticks = 0;
      for (Map.Entry<Integer, Long> backend : backendTicks.entrySet()) {
        ticks += backend.getValue() - before.backendTicks.getOrDefault(backend.getKey(), 0L);
      }
      return new Usage(applicationCpuMillis - before.applicationCpuMillis, ticks * 10.0,
          transactions - before.transactions, rowsWritten - before.rowsWritten, Map.of());
    }

    double cpuMillis() {
      return applicationCpuMillis + databaseCpuMillis;
    }

    /** utime + stime of a process in clock ticks (1/100 s); 0 if it cannot be read. */
    private static long cpuTicks(int pid) {
      try {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (java.io.IOException | RuntimeException e) {
        return 0;
      }
    }
  }

  /** Sequential and index scans on ACT_RU_JOB and each of its indexes, to say which plan acquisition used. */
  private static Map<String, long[]> scans(Connection db) throws SQLException {
    Map<String, long[]> scans = new LinkedHashMap<>();
    try (PreparedStatement select = db.prepareStatement("select 'table', seq_scan, seq_tup_read"
        + " from pg_stat_user_tables where relname = 'act_ru_job'"
        + " union all select indexrelname, idx_scan, idx_tup_read from pg_stat_user_indexes"
        + " where relname = 'act_ru_job'");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        scans.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
      }
    }
    return scans;
  }

  private static String scanDelta(Map<String, long[]> before, Map<String, long[]> after) {
    List<String> used = new ArrayList<>();
    after.forEach((name, value) -> {
      long[] was = before.getOrDefault(name, new long[2]);
      long scans = value[0] - was[0];
      if (scans > 0) {
        used.add((name.equals("table") ? "seq scans " : name + " scans ") + scans + " reading "
            + String.format(Locale.ROOT, "%,d", value[1] - was[1]) + " rows");
      }
    });
    return used.isEmpty() ? "no scans counted yet" : String.join(", ", used);
  }

  private static int count(Connection db, String sql, String parameter) throws SQLException {
    try (PreparedStatement select = db.prepareStatement(sql)) {
      select.setString(1, parameter);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
