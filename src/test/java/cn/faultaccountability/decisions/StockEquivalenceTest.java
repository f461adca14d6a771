package cn.faultaccountability.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.junit.jupiter.api.Test;

/**
 * The proof for issue 9's "identical results": every case of every tenant's case files, evaluated by a stock Camunda
 * DMN engine (FEEL-Scala as {@code DmnEngineConfiguration.createDefaultDmnEngineConfiguration()} gives it) and by the
 * engine the application uses ({@link CachingFeelEngineFactory}), gives the same evaluated inputs, the same matched
 * rules with the same typed outputs and the same decision result — or the same failure ({@link StockComparison}).
 * Cases with a list input are compared a second time with the list as a Spin JSON array, and each table once more with
 * every input null. No case is skipped: the count compared equals the count written in the case files.
 */
class StockEquivalenceTest {

  @Test
  void everyDecisionCaseEvaluatesExactlyAsStockCamunda() throws Exception {
    Path dir = Path.of(System.getProperty("decisions.dir", "decisions"));
    List<StockComparison.Table> tables = StockComparison.tables(dir);
    assertThat(tables).as("tables with case files under " + dir.toAbsolutePath()).isNotEmpty();
    int written = tables.stream().mapToInt(StockComparison.Table::casesWritten).sum();

    StockComparison.Summary summary = StockComparison.compare(tables);

    assertThat(summary.cases()).as("cases compared = cases written in the case files (none skipped)")
        .isEqualTo(written).isPositive();
    assertThat(summary.evaluations()).isGreaterThan(summary.cases());
    assertThat(summary.withMatches()).as("evaluations that matched rules").isGreaterThan(summary.cases() / 2);
    System.out.printf("identical to stock Camunda: %d cases of %d tables, %d evaluations (%d matched rules, %d "
        + "failed)%n", summary.cases(), tables.size(), summary.evaluations(), summary.withMatches(),
        summary.failures());
  }

  @Test
  void theComparisonIsBetweenStockAndCachedFeel() {
    DefaultDmnEngineConfiguration stock =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    stock.buildEngine();
    DefaultDmnEngineConfiguration ours = CachingFeelEngineFactory.standaloneConfiguration();
    ours.buildEngine();
    assertThat(stock.getFeelEngine()).isExactlyInstanceOf(ScalaFeelEngine.class);
    assertThat(ours.getFeelEngine()).isExactlyInstanceOf(CachingFeelEngine.class);
  }
}
