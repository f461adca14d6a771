package cn.faultaccountability.procedure;

import static cn.faultaccountability.testsupport.CaseDriver.json;
import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.dashboard.DashboardRollups;
import cn.faultaccountability.deadlines.DeadlinesLeftRunning;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The migration V5_8 ends what process versions before the fix left running, at the times the engine's history gives:
 * the statement period when {@code RecordStatement} started, the review window when it lapsed (or an application
 * ended it), and any other deadline of a closed case when the case closed. An open case's running deadline stays.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:deadlines-left-running;DB_CLOSE_DELAY=-1")
class DeadlinesLeftRunningTest extends AbstractProcedureTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;

  @Test
  void deadlinesThatOlderProcessVersionsLeftRunningEndWhenTheHistorySaysTheirStageEnded() {
    // a case through to closure, its review window lapsed; and a case waiting after its statement
    String closed = intake("jinan", LocalDate.of(2026, 9, 1), "济南市甲区市场监督管理局", Map.of());
    String open = intake("jinan", LocalDate.of(2026, 9, 1), "济南市乙区市场监督管理局", Map.of());
    driver.today(LocalDate.of(2026, 9, 2));
    file(closed);
    file(open);
    driver.today(LocalDate.of(2026, 9, 10));
    investigate(closed, "FACTS_UNCLEAR", "APPROVED_ACT_WRONG", Map.of());
    investigate(open, "FACTS_UNCLEAR", "APPROVED_ACT_WRONG", Map.of());
    driver.today(LocalDate.of(2026, 9, 11));
    statement(closed);
    statement(open);
    driver.complete(closed, "DetermineLiabilityManually", "supervision-head", vars("manualLiabilities",
        json(Map.of("张三", "SECONDARY", "李四", "MAIN", "王五", "MAIN")), "reason", "审核、批准人未尽审查职责"));
    driver.complete(closed, "Determine", "supervision-head", Map.of());
    driver.complete(closed, "GovernmentApproval", "government-approver", vars("approval", "APPROVE"));
    serve(closed, LocalDate.of(2026, 9, 15));
    driver.today(LocalDate.of(2026, 9, 20));
    executeAsDecided(closed, "ExecuteDecision");
    driver.today(LocalDate.of(2026, 10, 1));
    assertThat(driver.fireDueTimers(closed)).contains("ReviewWindowLapsed");
    assertThat(driver.ended(closed)).isTrue();
    assertThat(driver.openTasks(open)).containsExactly("DetermineLiabilityManually");

    // as an older process version left them: both windows running, and the closed case's decision deadline too
    reopen(closed, "STATEMENT_AND_DEFENCE");
    reopen(closed, "REVIEW_APPLICATION");
    reopen(closed, "DECISION_AFTER_FILING");
    reopen(open, "STATEMENT_AND_DEFENCE");
    assertThat(closedAt(open, "DECISION_AFTER_FILING")).isNull();

    assertThat(DeadlinesLeftRunning.end(jdbc)).isEqualTo(4);
    assertThat(closedAt(closed, "STATEMENT_AND_DEFENCE")).isEqualTo(activity(closed, "RecordStatement").getStartTime());
    assertThat(closedAt(closed, "REVIEW_APPLICATION")).isEqualTo(activity(closed, "ReviewWindowLapsed").getEndTime());
    assertThat(closedAt(closed, "DECISION_AFTER_FILING")).isEqualTo(jdbc.queryForObject(
        "select closed_at from fa_case where business_key = ?", Timestamp.class, closed));
    assertThat(closedAt(open, "STATEMENT_AND_DEFENCE")).isEqualTo(activity(open, "RecordStatement").getStartTime());
    assertThat(jdbc.queryForList("select d.state from fa_deadline d join fa_case c on c.id = d.case_id "
        + "where c.business_key in (?, ?) and d.closed_at is not null", String.class, closed, open))
        .hasSizeGreaterThan(4).containsOnly("DONE");
    // the open case's running stage is not touched, and a second run finds nothing
    assertThat(closedAt(open, "DECISION_AFTER_FILING")).isNull();
    assertThat(DeadlinesLeftRunning.end(jdbc)).isZero();
    // the stage durations count the ends it wrote (the roll-ups were rebuilt, as a rebuild now leaves them)
    List<Map<String, Object>> stageDays = stageDays();
    DashboardRollups.rebuild(jdbc);
    assertThat(stageDays()).isEqualTo(stageDays);
  }

  private List<Map<String, Object>> stageDays() {
    return jdbc.queryForList("select tenant_id, month_start, stage, days, n from fa_rollup_stage_days "
        + "order by tenant_id, month_start, stage, days");
  }

  private void reopen(String key, String stage) {
    assertThat(jdbc.update("update fa_deadline set closed_at = null, state = 'GREEN' where stage = ? and case_id = "
        + "(select id from fa_case where business_key = ?) and closed_at is not null", stage, key)).isEqualTo(1);
  }

  private Date closedAt(String key, String stage) {
    Timestamp at = jdbc.queryForObject("select closed_at from fa_deadline where stage = ? and case_id = "
        + "(select id from fa_case where business_key = ?)", Timestamp.class, stage, key);
    return at == null ? null : new Date(at.getTime());
  }

  private HistoricActivityInstance activity(String key, String activityId) {
    String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).singleResult()
        .getId();
    List<HistoricActivityInstance> found = history.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId(activityId).list();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
