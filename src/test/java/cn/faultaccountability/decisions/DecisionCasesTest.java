package cn.faultaccountability.decisions;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the case files of the decision tables: one test per case, plus per table "files" (readable, case file present,
 * names known) and "coverage" (every rule is hit by a case).
 *
 * <pre>
 *   ./mvnw -q test -Dtest=DecisionCasesTest                 # every tenant
 *   ./mvnw -q test -Dtest=DecisionCasesTest -Dtenant=jilin   # one tenant
 * </pre>
 * System property {@code decisions.dir} points at another decisions folder (default {@code decisions}).
 */
class DecisionCasesTest {

  @TestFactory
  List<DynamicNode> decisionCases() throws Exception {
    Path dir = Path.of(System.getProperty("decisions.dir", "decisions"));
    Optional<String> tenant = Optional.ofNullable(System.getProperty("tenant")).filter(t -> !t.isBlank());
    List<String> tenants = tenant.map(List::of).orElse(DecisionCaseRunner.tenants(dir));
    if (tenant.isPresent()) {
      if (!Files.isDirectory(dir.resolve(tenant.get()))) {
        fail("没有辖区目录 " + dir.resolve(tenant.get()) + "（-Dtenant=" + tenant.get() + "）");
      }
    } else {
      Assumptions.assumeFalse(tenants.isEmpty(), dir.toAbsolutePath() + " 下还没有任何辖区的决策表");
    }
    DecisionCaseRunner runner = new DecisionCaseRunner(DecisionContracts.load(dir));
    List<DynamicNode> nodes = new ArrayList<>();
    for (String t : tenants) {
      List<DecisionCaseRunner.TableRun> runs = runner.runTenant(dir, t);
      if (runs.isEmpty()) {
        nodes.add(DynamicTest.dynamicTest(t + "：决策表", () -> fail(dir.resolve(t) + " 下没有决策表")));
        continue;
      }
      List<DynamicNode> tables = new ArrayList<>();
      for (DecisionCaseRunner.TableRun run : runs) {
        tables.add(DynamicContainer.dynamicContainer(run.key(), tableTests(run)));
      }
      nodes.add(DynamicContainer.dynamicContainer(t, tables));
    }
    return nodes;
  }

  static List<DynamicNode> tableTests(DecisionCaseRunner.TableRun run) {
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("文件：决策表与案例文件可读、名称已知", () -> failWith(run.fileProblems())));
    for (DecisionCaseRunner.CaseRun c : run.cases()) {
      tests.add(DynamicTest.dynamicTest(c.label() + " · " + c.article(), () -> failWith(c.problems())));
    }
    tests.add(DynamicTest.dynamicTest("覆盖：每条规则至少被一个案例命中", () -> failWith(run.coverageProblems())));
    return tests;
  }

  private static void failWith(List<Problem> problems) {
    if (!problems.isEmpty()) {
      fail(problems.stream().map(Problem::toString).collect(Collectors.joining("\n", "\n", "")));
    }
  }
}
