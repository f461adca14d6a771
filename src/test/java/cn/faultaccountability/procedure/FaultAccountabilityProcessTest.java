package cn.faultaccountability.procedure;

import static cn.faultaccountability.testsupport.CaseDriver.json;
import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;

/**
 * The procedure of SPEC §2-§3 end to end, on H2: one scenario per jurisdiction from intake to closure, and the paths
 * the articles draw (not filed, time-barred, transfer to the unit, extension, suspension, sending back, deadlines
 * across holidays, review in time and too late, review modifying the decision, execution overdue, crime transferred).
 * Process test coverage of fault-accountability is reported to target/process-test-coverage.
 */
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:procedure-test;DB_CLOSE_DELAY=-1")
class FaultAccountabilityProcessTest extends AbstractProcedureTest {

  @Test
  void jinanCaseFromIntakeToClosure() {
    String key = intake("jinan", LocalDate.of(2026, 9, 1), "济南市甲区市场监督管理局", Map.of());
    assertThat(key).matches("JINAN-2026-\\d{5}");
    // preliminary check: P15D local default from the day after intake
    assertThat(driver.deadline(key, "PRELIMINARY_CHECK")).containsEntry("dueDate", LocalDate.of(2026, 9, 16));

    driver.today(LocalDate.of(2026, 9, 2));
    file(key);
    // Jinan 19: 30 days from filing; 2 October falls in the National Day holiday → next working day 8 October
    Map<String, Object> decision = driver.deadline(key, "DECISION_AFTER_FILING");
    assertThat(decision).containsEntry("dueDate", LocalDate.of(2026, 10, 8)).containsEntry("basis", "济南市办法第十九条");
    assertThat(driver.pendingTimers(key)).containsEntry("DecisionDeadlineOverdue", LocalDate.of(2026, 10, 9));

    driver.today(LocalDate.of(2026, 9, 10));
    investigate(key, "FACTS_UNCLEAR", "APPROVED_ACT_WRONG", Map.of());
    statement(key);
    // Jinan 15 fixes no split: the head determines each person's liability
    assertThat(driver.openTasks(key)).containsExactly("DetermineLiabilityManually");
    driver.complete(key, "DetermineLiabilityManually", "supervision-head", vars("manualLiabilities",
        json(Map.of("张三", "SECONDARY", "李四", "MAIN", "王五", "MAIN")), "reason", "审核、批准人未尽审查职责"));
    assertThat(driver.party(key, "李四")).containsEntry("liability", "MAIN").containsEntry("liabilitySource", "MANUAL");
    // Jinan 14: a unit that alone caused the fault bears full liability
    assertThat(driver.party(key, "济南市甲区市场监督管理局")).containsEntry("liability", "FULL")
        .containsEntry("liabilityBasis", "济南市办法第十四条第一款");
    assertThat(proposed(key, "张三")).isNotEmpty().allSatisfy(m -> assertThat(m.get("mandatory")).isEqualTo(false));

    driver.complete(key, "Determine", "supervision-head", Map.of());
    // Jinan 20: approved by the government at the same level
    driver.complete(key, "GovernmentApproval", "government-approver", vars("approval", "APPROVE"));
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("colour", "DONE");

    serve(key, LocalDate.of(2026, 9, 15));
    // Jinan 21: 15 days from receipt → 30 September
    assertThat(driver.deadline(key, "REVIEW_APPLICATION")).containsEntry("dueDate", LocalDate.of(2026, 9, 30));
    driver.today(LocalDate.of(2026, 9, 20));
    executeAsDecided(key, "ExecuteDecision");
    driver.today(LocalDate.of(2026, 9, 30));
    assertThat(driver.fireDueTimers(key)).isEmpty();
    driver.today(LocalDate.of(2026, 10, 1));
    assertThat(driver.fireDueTimers(key)).contains("ReviewWindowLapsed");
    assertThat(driver.ended(key)).isTrue();
    assertThat(driver.view(key)).containsEntry("status", "CLOSED");
    assertThat(driver.history(key)).contains("INTAKE", "INVESTIGATED", "LIABILITY_DETERMINED", "DETERMINED",
        "DECISION_ISSUED", "SERVED", "COMPLAINANT_CALL_NEEDED", "EXECUTED", "NO_REVIEW", "CLOSED");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> used = (List<Map<String, Object>>) driver.view(key).get("decisionsUsed");
    assertThat(used).extracting(u -> u.get("decision_key")).contains("statutory-deadlines",
        "liability-apportionment", "unit-liability", "circumstances", "sanctions");
    assertThat(used).extracting(u -> u.get("version_tag")).containsOnly("jinan-2024");
  }
}
