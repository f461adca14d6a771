package cn.faultaccountability.benchmark;

import cn.faultaccountability.decisions.CachingFeelEngineFactory;
import cn.faultaccountability.decisions.StockComparison;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * (b) Evaluations per second of each of our decisions (issue 9: ≥ 20,000 each, with results identical to stock
 * Camunda). Every decision of every tenant is evaluated for {@code decisionSeconds} (after a warm-up) on all cores,
 * cycling over the inputs of its case files, on a DMN engine configured exactly as the application's
 * ({@link CachingFeelEngineFactory#standaloneConfiguration()}, what {@code FeelExpressionCachePlugin} installs in the
 * process engine), and for comparison on a stock one. Before measuring, the two are shown to give identical results on
 * every case ({@link StockComparison}). Each figure's note also gives evaluations per CPU-second of one measuring thread:
 * when other work shares the machine the wall-clock rate drops, that one shows what an unshared core delivers.
 *
 * <p>What is measured is the DMN engine's evaluation of a parsed decision. An evaluation through the process engine
 * (business-rule task, {@code DecisionService}, REST) adds the command context and, with history on, an insert into
 * {@code ACT_HI_DECINST} and its inputs/outputs: that cost is the database's and belongs to the whole-case figures.
 * The application itself is not started: the section needs no database.
 */
final class DecisionThroughputSection implements BenchmarkSection {

  static final double TARGET = 20_000;

  @Override
  public String name() {
    return "decisions";
  }

  @Override
  public void run(BenchmarkRun run) throws Exception {
    Path dir = Path.of(System.getProperty("decisions.dir", "decisions"));
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("没有决策表目录 " + dir.toAbsolutePath());
    }
    List<StockComparison.Table> tables = StockComparison.tables(dir);
    StockComparison.Summary verified = StockComparison.compare(tables);
    int written = tables.stream().mapToInt(StockComparison.Table::casesWritten).sum();
    if (verified.cases() != written) {
      throw new IllegalStateException("compared " + verified.cases() + " cases, the case files have " + written);
    }
    run.report().add(name(), "identical results to stock verified", verified.cases(), "cases",
        verified.evaluations() + " evaluations of " + tables.size() + " tables (lists also as Spin JSON, all inputs "
            + "null), inputs/rules/typed outputs compared");

    DmnEngine ours = CachingFeelEngineFactory.standaloneConfiguration().buildEngine();
    DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    int threads = Runtime.getRuntime().availableProcessors();
    double seconds = run.scale().decisionSeconds();
    double warmUp = Math.max(0.2, seconds / 5);

    List<Workload> ourWork = new ArrayList<>();
    List<Workload> stockWork = new ArrayList<>();
    for (StockComparison.Table table : tables) {
      ourWork.add(Workload.of(ours, table));
      stockWork.add(Workload.of(stock, table));
    }
    // the smoke run only keeps the section working: a short warm-up keeps the test command short
    double maxWarmUp = "smoke".equals(run.scale().name()) ? 3 : Math.max(15, 6 * seconds);
    run.report().add(name(), "warm-up until steady", warmUp(ourWork, threads, maxWarmUp), "s",
        "all tables in turn on the cached engine until the JIT compiler is idle (at most "
            + BenchmarkReport.format(maxWarmUp) + " s); the stock engine likewise");
    warmUp(stockWork, threads, maxWarmUp);
    for (int i = 0; i < tables.size(); i++) {
      StockComparison.Table table = tables.get(i);
      Workload mine = ourWork.get(i);
      Workload theirs = stockWork.get(i);
      measure(mine, threads, warmUp);
      Rate rate = measure(mine, threads, seconds);
      run.report().atLeast(name(), table.name(), rate.perSecond(), "eval/s", TARGET,
          "cached FEEL, " + threads + " threads, " + mine.inputs.size() + " inputs; " + rate.perCore());
      measure(theirs, threads, warmUp);
      Rate stockRate = measure(theirs, threads, seconds);
      run.report().add(name(), table.name() + " (stock)", stockRate.perSecond(), "eval/s",
          "stock FEEL-Scala, same inputs and threads; " + stockRate.perCore());
    }
  }

  /**
   * Runs every table in turn until the JIT has compiled the evaluation path — under contention its compiler threads
   * take many seconds: rounds of 50 ms per table, until two rounds in a row gave the JIT compiler less than 1 % of
   * their time to compile (at least 3 rounds, at most {@code maxSeconds}).
   *
   * @return the seconds it took
   */
  private static double warmUp(List<Workload> work, int threads, double maxSeconds) throws Exception {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean watchJit = jit != null && jit.isCompilationTimeMonitoringSupported();
    long began = System.nanoTime();
    int quiet = 0;
    for (int round = 1; ; round++) {
      long roundBegan = System.nanoTime();
      long compiledBefore = watchJit ? jit.getTotalCompilationTime() : 0;
      for (Workload table : work) {
        measure(table, threads, 0.05);
      }
      double roundMillis = (System.nanoTime() - roundBegan) / 1e6;
      long compiling = watchJit ? jit.getTotalCompilationTime() - compiledBefore : 0;
      quiet = compiling < roundMillis / 100 ? quiet + 1 : 0;
      double elapsed = (System.nanoTime() - began) / 1e9;
      if ((round >= 3 && quiet >= 2) || elapsed >= maxSeconds) {
        return elapsed;
      }
    }
  }

  /**
   * Evaluations per second (wall clock, all threads together) and per CPU-second the measuring threads were given:
   * on a machine shared with other work the first is lower, the second is what one core not shared gives.
   */
  record Rate(double perSecond, double perCpuSecond) {

    String perCore() {
      return BenchmarkReport.format(perCpuSecond) + " per CPU-second of one thread";
    }
  }

  /** How fast {@code work} is evaluated on {@code threads} threads for {@code seconds}. */
  private static Rate measure(Workload work, int threads, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<long[]>> counts = new ArrayList<>();
      long[] deadline = new long[1];
      for (int t = 0; t < threads; t++) {
        int offset = t;
        // each thread its own copies: the engine only reads the variables, but nothing is shared but the engine
        List<VariableMap> inputs = work.inputs.stream().map(Variables::fromMap).toList();
        counts.add(pool.submit(() -> {
          start.await();
          long cpuBegan = cpu.getCurrentThreadCpuTime();
          long n = 0;
          long results = 0;
          int i = offset;
          do {
            for (int k = 0; k < 16; k++) {
              results += work.engine.evaluateDecision(work.decision, inputs.get(i++ % inputs.size())).size();
              n++;
            }
          } while (System.nanoTime() < deadline[0]);
          // results is used so that the evaluations cannot be left out
          return new long[] {results < 0 ? -n : n, cpu.getCurrentThreadCpuTime() - cpuBegan};
        }));
      }
      long began = System.nanoTime();
      deadline[0] = began + (long) (seconds * 1e9);
      start.countDown();
      long total = 0;
      long cpuNanos = 0;
      for (Future<long[]> count : counts) {
        total += Math.abs(count.get()[0]);
        cpuNanos += count.get()[1];
      }
      return new Rate(total / ((System.nanoTime() - began) / 1e9), total / Math.max(1e-9, cpuNanos / 1e9));
    } finally {
      pool.shutdownNow();
    }
  }

  /** One decision parsed on one engine, with the inputs of its case files (each variant). */
  private record Workload(DmnEngine engine, DmnDecision decision, List<Map<String, Object>> inputs) {

    static Workload of(DmnEngine engine, StockComparison.Table table) throws Exception {
      DmnDecision decision;
      try (var in = Files.newInputStream(table.dmn())) {
        decision = engine.parseDecision(table.key(), in);
      }
      List<Map<String, Object>> inputs = new ArrayList<>();
      table.cases().forEach(c -> inputs.addAll(c.variants()));
      if (inputs.isEmpty()) {
        throw new IllegalStateException(table.name() + " has no cases to evaluate");
      }
      return new Workload(engine, decision, inputs);
    }
  }
}
