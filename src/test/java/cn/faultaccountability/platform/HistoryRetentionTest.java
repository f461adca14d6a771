package cn.faultaccountability.platform;

import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.testsupport.CaseDriver;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * History is kept 10 years after a case closes and then removed by the cleanup (end-time based, docs/performance.md):
 * closing a case writes no removal time into its history rows.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:history-retention;DB_CLOSE_DELAY=-1")
class HistoryRetentionTest {

  @Autowired CaseDriver driver;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;

  @AfterEach
  void clock() {
    driver.resetClock();
  }

  @Test
  void aClosedCaseHistoryStaysTenYearsAfterItClosedAndIsThenCleanedUp() {
    driver.today(LocalDate.of(2026, 9, 1));
    String key = driver.intake(driver.lead("changzhou", "常州市历史保留测试局", java.util.Map.of()));
    String instanceId = driver.instance(key).getId();
    driver.today(LocalDate.of(2026, 9, 3));
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "NOT_FILE",
        "notFiledReason", "举报事项不属于行政执法过错"));
    assertThat(driver.ended(key)).isTrue();
    HistoricProcessInstance ended = history(instanceId);
    assertThat(ended.getRemovalTime()).as("no removal time written when the case closed").isNull();
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instanceId).count())
        .isPositive();

    // one day short of 3650 days after it closed: kept
    driver.today(LocalDate.of(2026, 9, 3).plusDays(3649));
    cleanUp();
    assertThat(history(instanceId)).isNotNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count())
        .isPositive();

    // past 3650 days: the case's history is removed, its decision evaluations with it
    driver.today(LocalDate.of(2026, 9, 3).plusDays(3651));
    cleanUp();
    assertThat(history(instanceId)).isNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instanceId).count()).isZero();
  }

  private HistoricProcessInstance history(String instanceId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
  }

  private void cleanUp() {
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());
  }
}
