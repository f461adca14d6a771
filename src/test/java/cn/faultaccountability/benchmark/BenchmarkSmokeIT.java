package cn.faultaccountability.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark and its data generator, run small on PostgreSQL as part of the normal test command: every section
 * runs and reports its figures. Timings are not asserted here (they are the benchmark's job, not a unit test's).
 */
class BenchmarkSmokeIT {

  @Test
  void everySectionRunsSmallAndReportsItsFigures() throws Exception {
    BenchmarkReport report = PerformanceBenchmark.runAll(BenchmarkScale.smoke());
    for (BenchmarkSection section : PerformanceBenchmark.sections()) {
      assertThat(report.rows()).as("rows of section " + section.name())
          .anyMatch(row -> row.section().equals(section.name()));
    }
    assertThat(report.rows()).allSatisfy(row -> assertThat(row.value()).as(row.metric()).isFinite().isNotNegative());
    // checks of correctness on the generated data (an "= n" target: isolation, counts, a cloned task completing)
    // must hold at any size; timing targets are not asserted
    assertThat(report.rows()).filteredOn(row -> row.target().startsWith("="))
        .allSatisfy(row -> assertThat(row.met()).as(row.metric() + ": " + row.note()).isTrue());
  }
}
