package cn.faultaccountability.benchmark;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of docs/performance.md: {@code scripts/benchmark.sh} (the Maven profile {@code benchmark}). Not part
 * of the normal test command; {@link BenchmarkSmokeIT} runs it small. Prints the table and writes
 * {@code target/benchmark/report-<scale>.md}.
 */
class PerformanceBenchmark {

  /**
   * The sections in the order they run: each adds its rows to the report. The pgbench ceiling first, while the machine
   * is quiet; start-up last, because it stops the in-process application and starts the jar on its own.
   */
  static List<BenchmarkSection> sections() {
    return List.of(new PgbenchCeilingSection(), new DecisionThroughputSection(), new WholeCaseSection(),
        new JobAcquisitionSection(), new QueryLatencySection(), new StartupSection());
  }

  /** {@code -Dbenchmark.sections=ceiling,cases} runs only those (for profiling one part); default all. */
  static List<BenchmarkSection> selected() {
    String only = System.getProperty("benchmark.sections", "");
    List<String> names = List.of(only.split(",")).stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
    return names.isEmpty() ? sections() : sections().stream().filter(s -> names.contains(s.name())).toList();
  }

  static BenchmarkReport runAll(BenchmarkScale scale) throws Exception {
    try (BenchmarkRun run = new BenchmarkRun(scale)) {
      for (BenchmarkSection section : selected()) {
        long started = System.nanoTime();
        System.out.println("[benchmark] ── " + section.name() + " (scale " + scale.name() + ") ──");
        section.run(run);
        System.out.printf("[benchmark] ── %s done in %.1f s%n", section.name(), (System.nanoTime() - started) / 1e9);
      }
      BenchmarkReport report = run.report();
      System.out.println();
      System.out.println("性能基准 / benchmark (scale " + scale.name() + ", database " + run.databaseName() + ")");
      System.out.print(report.table());
      report.write(Path.of("target", "benchmark", "report-" + scale.name() + ".md"),
          "Benchmark, scale " + scale.name());
      return report;
    }
  }

  @Test
  void run() throws Exception {
    runAll(BenchmarkScale.fromSystemProperties());
  }
}
