package cn.faultaccountability.benchmark;

/** One part of the benchmark (docs/performance.md): measures and adds its figures to the run's report. */
public interface BenchmarkSection {

  /** Short English name, the report's "section" column, e.g. {@code decisions}. */
  String name();

  void run(BenchmarkRun run) throws Exception;
}
