package cn.faultaccountability.benchmark;

/**
 * How big a benchmark run is. {@code full} is the run of docs/performance.md; {@code smoke} is the small run the
 * normal test command makes ({@link BenchmarkSmokeIT}) to keep the generator and every section working. Each size can
 * be overridden by a system property {@code benchmark.<name>}, e.g. {@code -Dbenchmark.cases=20000}.
 */
public record BenchmarkScale(
    String name,
    /** generated cases of realistic shape behind the query latencies (open and closed, all tenants) */
    int cases,
    /** future timers in ACT_RU_JOB behind the job-acquisition time */
    int futureTimers,
    /** timers due at once, whose lag between due date and firing is measured */
    int dueTimers,
    /** whole cases driven intake to closure through the Java API */
    int wholeCases,
    /** threads driving whole cases (and pgbench clients for the ceiling) */
    int threads,
    /** seconds each decision is evaluated for */
    int decisionSeconds,
    /** repetitions of each query whose p50/p95 is reported */
    int queryRepetitions,
    /** seconds pgbench runs for */
    int pgbenchSeconds) {

  public static BenchmarkScale full() {
    return new BenchmarkScale("full", 100_000, 1_000_000, 10_000, 400, 8, 5, 200, 20).overridden();
  }

  public static BenchmarkScale smoke() {
    return new BenchmarkScale("smoke", 400, 2_000, 100, 8, 2, 1, 10, 2).overridden();
  }

  /** {@code -Dbenchmark.scale=smoke|full} (default full). */
  public static BenchmarkScale fromSystemProperties() {
    return "smoke".equals(System.getProperty("benchmark.scale")) ? smoke() : full();
  }

  private BenchmarkScale overridden() {
    return new BenchmarkScale(name, size("cases", cases), size("futureTimers", futureTimers),
        size("dueTimers", dueTimers), size("wholeCases", wholeCases), size("threads", threads),
        size("decisionSeconds", decisionSeconds), size("queryRepetitions", queryRepetitions),
        size("pgbenchSeconds", pgbenchSeconds));
  }

  private static int size(String name, int fallback) {
    String value = System.getProperty("benchmark." + name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim().replace("_", ""));
  }
}
