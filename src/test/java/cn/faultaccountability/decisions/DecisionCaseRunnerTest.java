package cn.faultaccountability.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case runner on small fixture tables, correct and deliberately broken. */
class DecisionCaseRunnerTest {

  static final Path FIXTURE = Path.of("src/test/resources/decisions-fixture");

  @TempDir
  Path dir;

  @BeforeEach
  void copyFixture() throws IOException {
    copyTree(FIXTURE, dir);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private List<DecisionCaseRunner.TableRun> run() throws IOException {
    return new DecisionCaseRunner(DecisionContracts.load(dir), dir).run(dir, Optional.of("jilin"));
  }

  private DecisionCaseRunner.TableRun run(String key) throws IOException {
    return run().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = dir.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).as("fixture %s holds the text to change", file).contains(from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void fixtureCasesPassAndCoverEveryRule() throws IOException {
    List<DecisionCaseRunner.TableRun> runs = run();
    assertThat(runs).extracting(DecisionCaseRunner.TableRun::key)
        .containsExactly("circumstances", "evaluation-grade");
    for (DecisionCaseRunner.TableRun run : runs) {
      assertThat(run.allProblems()).as(run.key()).isEmpty();
      assertThat(run.cases()).isNotEmpty();
    }
    DecisionCaseRunner.TableRun circumstances = run("circumstances");
    // the 2-year boundary (Jilin 11(1)) on both sides: exactly two years still pursued, one day later exempt
    assertThat(circumstances.cases().get(4).hitRules()).isEmpty();
    assertThat(circumstances.cases().get(5).hitRules()).containsExactly("jilin_art11_item1");
  }

  @Test
  void wrongExpectationNamesCaseExpectedAndActual() throws IOException {
    edit("jilin/cases/circumstances.yaml", "- { effect: AGGRAVATE, basis: 吉林市办法第十条第（二）项 }",
        "- { effect: MITIGATE, basis: 吉林市办法第十条第（二）项 }");
    DecisionCaseRunner.TableRun run = run("circumstances");
    List<Problem> problems = run.allProblems();
    assertThat(problems).hasSize(1);
    Problem problem = problems.get(0);
    assertThat(problem.file()).isEqualTo("jilin/cases/circumstances.yaml");
    assertThat(problem.rule()).isEqualTo("#4「一年内第二次过错 → 从重」");
    assertThat(problem.reason()).contains("期望", "MITIGATE", "实际", "AGGRAVATE", "吉林市办法第十条第（二）项");
  }

  @Test
  void collectResultCountMustMatchExactly() throws IOException {
    // two rules match; the case lists only one of them
    edit("jilin/cases/circumstances.yaml", "given: { factors: [], faultsWithinYear: 1, faultEndedOn: 2023-03-01, discoveredOn: 2025-03-02 }",
        "given: { factors: [], faultsWithinYear: 3, faultEndedOn: 2023-03-01, discoveredOn: 2025-03-02 }");
    List<Problem> problems = run("circumstances").allProblems();
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.rule()).startsWith("#6");
      assertThat(p.reason()).contains("期望 1 个结果", "实际 2 个");
    });
  }

  @Test
  void ruleWithoutCaseIsNamedWithItsAnnotation() throws IOException {
    edit("jilin/cases/circumstances.yaml", "faultEndedOn: 2023-03-01, discoveredOn: 2025-03-02 }\n    expect:\n"
        + "      - { effect: EXEMPT, basis: 吉林市办法第十一条第（一）项 }", "faultEndedOn: 2023-03-01, discoveredOn: 2025-03-01 }\n    expect: []");
    DecisionCaseRunner.TableRun run = run("circumstances");
    assertThat(run.coverageProblems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("jilin/circumstances.dmn");
      assertThat(p.rule()).isEqualTo("jilin_art11_item1");
      assertThat(p.reason()).contains("没有任何案例命中", "2年内未被发现");
    });
  }

  @Test
  void unknownInputAndOutputNamesAreRejected() throws IOException {
    edit("jilin/cases/circumstances.yaml", "given: { factors: [MINOR_VIOLATION], faultsWithinYear: 1 }",
        "given: { factors: [MINOR_VIOLATION], faultsWithinYaer: 1 }");
    edit("jilin/cases/evaluation-grade.yaml", "expect: { grade: GOOD }", "expect: { grad: GOOD }");
    assertThat(run("circumstances").allProblems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("未知输入 faultsWithinYaer"));
    assertThat(run("evaluation-grade").allProblems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("未知输出 grad"));
  }

  @Test
  void tableWithoutCaseFileFailsAndListsItsRules() throws IOException {
    Files.delete(dir.resolve("jilin/cases/evaluation-grade.yaml"));
    DecisionCaseRunner.TableRun run = run("evaluation-grade");
    assertThat(run.fileProblems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("缺少案例文件", "jilin/cases/evaluation-grade.yaml"));
    assertThat(run.coverageProblems()).hasSize(5);
  }

  @Test
  void caseFileWithoutTableFails() throws IOException {
    Files.copy(dir.resolve("jilin/cases/circumstances.yaml"), dir.resolve("jilin/cases/sanctions.yaml"));
    DecisionCaseRunner.TableRun run = run("sanctions");
    assertThat(run.fileProblems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("案例文件没有对应的决策表", "jilin/sanctions.dmn"));
  }

  @Test
  void overlappingUniqueRulesAreNamedFromTheCase() throws IOException {
    edit("jilin/evaluation-grade.dmn", "<text>[85..95[</text>", "<text>[85..95]</text>");
    List<Problem> problems = run("evaluation-grade").allProblems();
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.rule()).startsWith("#1");
      assertThat(p.reason()).contains("jilin_resp_art31_excellent", "jilin_resp_art31_good", "重叠");
    });
  }

  @Test
  void listInputWithStringTypeRefFails() throws IOException {
    edit("jilin/circumstances.dmn", "<inputExpression id=\"input_factors_expression\">",
        "<inputExpression id=\"input_factors_expression\" typeRef=\"string\">");
    List<Problem> problems = run("circumstances").allProblems();
    assertThat(problems).isNotEmpty();
    assertThat(problems).anySatisfy(p -> assertThat(p.rule()).startsWith("#1"));
  }

  @Test
  void malformedTableIsReportedWithLine() throws IOException {
    edit("jilin/evaluation-grade.dmn", "</rule>\n      <rule id=\"jilin_resp_art31_pass\">", "\n      <rule id=\"jilin_resp_art31_pass\">");
    DecisionCaseRunner.TableRun run = run("evaluation-grade");
    assertThat(run.fileProblems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("jilin/evaluation-grade.dmn");
      assertThat(p.reason()).contains("无法解析", "行");
    });
  }

  @Test
  void badInputValuesAreReportedPerCase() throws IOException {
    edit("jilin/cases/circumstances.yaml", "faultEndedOn: 2025-01-10", "faultEndedOn: 2025-1-10");
    assertThat(run("circumstances").allProblems()).anySatisfy(p -> {
      assertThat(p.rule()).startsWith("#1");
      assertThat(p.reason()).contains("faultEndedOn", "YYYY-MM-DD");
    });
  }

  @Test
  void yamlDatesAreLocalMidnightAndCodesStayStrings() {
    DecisionContract.Input date = new DecisionContract.Input("discoveredOn", "", "date", null, false);
    Object value = DecisionCaseRunner.toJava(date, YamlSupport.load("d: 2025-03-01") instanceof java.util.Map<?, ?> m
        ? m.get("d") : null);
    assertThat(value).isInstanceOf(java.util.Date.class);
    assertThat(((java.util.Date) value).toInstant())
        .isEqualTo(java.time.LocalDate.of(2025, 3, 1).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
    // YAML 1.1 would read NO / ON as booleans
    assertThat(YamlSupport.load("[NO, ON, yes, true]")).isEqualTo(List.of("NO", "ON", "yes", true));
  }
}
