package cn.faultaccountability.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The check on deliberately broken tables ({@code src/test/resources/decisions-broken}) and on the clean fixture. */
class DecisionTableCheckerTest {

  static final Path BROKEN = Path.of("src/test/resources/decisions-broken");
  static final Path FIXTURE = Path.of("src/test/resources/decisions-fixture");

  private final DecisionContracts contracts = DecisionContracts.load(Path.of("decisions"));

  private List<Problem> check(String folder, String tenant, String key) {
    Path root = BROKEN.resolve(folder);
    DecisionTableChecker checker = new DecisionTableChecker(contracts, root);
    return checker.checkTable(root.resolve(tenant).resolve(key + ".dmn"), tenant, contracts.tenants().get(tenant));
  }

  @Test
  void cleanFixtureHasNoProblemsButTheMissingTables() throws IOException {
    List<Problem> problems = new DecisionTableChecker(contracts, FIXTURE).check(FIXTURE, Optional.of("jilin"));
    assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
        "jilin/liability-apportionment.dmn · - · 缺少决策表：吉林市需要 liability-apportionment（责任划分）",
        "jilin/unit-liability.dmn · - · 缺少决策表：吉林市需要 unit-liability（单位责任）",
        "jilin/sanctions.dmn · - · 缺少决策表：吉林市需要 sanctions（追究方式）",
        "jilin/statutory-deadlines.dmn · - · 缺少决策表：吉林市需要 statutory-deadlines（法定期限）");
  }

  @Test
  void overlappingUniqueRulesAreFoundWithoutCases() {
    assertThat(check("overlap", "jilin", "evaluation-grade")).extracting(Problem::toString).containsExactly(
        "jilin/evaluation-grade.dmn · jilin_resp_art31_excellent、jilin_resp_art31_good · UNIQUE 表的两条规则重叠："
            + "同一输入可同时命中两者（>= 95 | - 与 [85..95] | -）");
  }

  @Test
  void codesOutsideTheVocabularyAreRejectedInInputAndOutputEntries() {
    assertThat(check("unknown-code", "jilin", "circumstances")).extracting(Problem::toString).containsExactlyInAnyOrder(
        "jilin/circumstances.dmn · jilin_art10_item2 · 输出 effect 的代码 \"AGGRAVATED\" 不在词汇表 effects 中",
        "jilin/circumstances.dmn · jilin_art11_item2 · factors 列的代码 \"MINOR_VIOLATIONS\" 不在词汇表 factors 中");
  }

  @Test
  void missingBasisWrongBasisStyleAndMissingAnnotation() {
    List<Problem> problems = check("missing-basis", "jilin", "circumstances");
    assertThat(problems).hasSize(3);
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.rule()).isEqualTo("jilin_art10_item2");
      assertThat(p.reason()).contains("输出 basis 为空");
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.rule()).isEqualTo("jilin_art11_item1");
      assertThat(p.reason()).contains("依据格式", "吉林市办法 或 吉林市责任制规定", "Jilin Art. 11(1)");
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.rule()).isEqualTo("jilin_art11_item2");
      assertThat(p.reason()).contains("缺少注释");
    });
  }

  @Test
  void malformedXmlIsReportedWithItsLine() {
    assertThat(check("malformed-xml", "jilin", "circumstances")).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("jilin/circumstances.dmn");
      assertThat(p.rule()).isEqualTo("-");
      assertThat(p.reason()).startsWith("XML 错误：第 ").contains("行", "description");
    });
  }

  @Test
  void wrongOutputNameIsNamed() {
    assertThat(check("wrong-output-name", "jilin", "circumstances")).extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "jilin/circumstances.dmn · 输出列 effects · 未知输出名 effects（circumstances 的输出：effect、basis）",
            "jilin/circumstances.dmn · - · 缺少输出列 effect");
  }

  @Test
  void sanctionsConstraintsColumnOrderAndGeneratedIds() {
    assertThat(check("sanctions", "jilin", "sanctions")).extracting(Problem::toString).containsExactlyInAnyOrder(
        "jilin/sanctions.dmn · 输入列 责任程度 · 列的顺序应为 target、faultCategory、liability、severity、largeImpact、"
            + "crimeSuspected、compensationPaid",
        "jilin/sanctions.dmn · DecisionRule_0abc123 · 规则 id 是自动生成的，请改为有意义的 id（例如 jilin_art9_item5）",
        "jilin/sanctions.dmn · DecisionRule_0abc123 · 追偿赔偿费用只能在已承担行政赔偿（compensationPaid = true）时提出",
        "jilin/sanctions.dmn · jilin_art13_para2 · 移送司法机关只在涉嫌犯罪（crimeSuspected = true）时提出，"
            + "且必须适用（mandatory = true）");
  }

  @Test
  void deadlinesNeedEveryStageIsoPeriodsAndExplainedDefaults() {
    List<Problem> problems = check("deadlines", "changzhou", "statutory-deadlines");
    assertThat(problems).extracting(Problem::rule).containsOnly("-", "changzhou_art33_application",
        "changzhou_default_preliminary_check", "changzhou_art31、changzhou_art31_again");
    assertThat(problems).filteredOn(p -> p.reason().startsWith("缺少 stage = ")).extracting(Problem::reason)
        .map(r -> r.substring("缺少 stage = ".length(), r.indexOf('（')))
        .containsExactlyInAnyOrder("TRANSFERRED_UNIT_DECISION", "REVIEW_DECISION", "STATEMENT_AND_DEFENCE");
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.rule()).isEqualTo("changzhou_art33_application");
      assertThat(p.reason()).contains("ISO-8601", "30D");
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.rule()).isEqualTo("changzhou_default_preliminary_check");
      assertThat(p.reason()).contains("管理员");
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.rule()).isEqualTo("changzhou_art31、changzhou_art31_again");
      assertThat(p.reason()).contains("重叠");
    });
    assertThat(problems).hasSize(6);
  }

  @Test
  void wholeFolderCheckAlsoRunsTheCases() throws IOException {
    Path root = BROKEN.resolve("overlap");
    List<Problem> problems = new DecisionTableChecker(contracts, root).check(root, Optional.of("jilin"));
    // no case file in the broken folder: the runner's finding is part of the report
    assertThat(problems).anySatisfy(p -> assertThat(p.reason()).contains("缺少案例文件 jilin/cases/evaluation-grade.yaml"));
    assertThat(problems).anySatisfy(p -> assertThat(p.reason()).contains("UNIQUE 表的两条规则重叠"));
  }
}
