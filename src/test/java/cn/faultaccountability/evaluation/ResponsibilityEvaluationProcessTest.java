package cn.faultaccountability.evaluation;

import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.testsupport.CaseDriver;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;

/**
 * Jilin's annual evaluation (吉林市行政执法责任制规定第二十八条至第三十二条) through the engine, each step by the
 * owning role as in Tasklist: one path per grade, two failing years in a row, the rectification follow-up timer, and
 * refused input (score outside 0-100, a unit twice in a year, a caller without the right) leaving nothing behind.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:evaluation-test;DB_CLOSE_DELAY=-1")
class ResponsibilityEvaluationProcessTest {

  @Autowired CaseDriver driver;
  @Autowired EvaluationController controller;
  @Autowired RuntimeService runtimeService;

  @AfterEach
  void clock() {
    driver.resetClock();
  }

  @Test
  void excellentUnitIsCommended() {
    String key = evaluate(2026, "吉林市优秀测试局", 96);
    assertThat(driver.openTasks(key)).containsExactly("Commend");
    assertThat(unit(2026, "吉林市优秀测试局")).containsEntry("grade", "EXCELLENT").containsEntry("gradeName", "优秀")
        .containsEntry("consequence", "COMMENDATION")
        .containsEntry("basis", "吉林市责任制规定第三十一条、第三十二条第（二）项")
        .containsEntry("circulatedOn", java.sql.Date.valueOf(LocalDate.of(2026, 12, 20)));
    driver.complete(key, "Commend", "government-approver", vars("commendation", "吉市政发〔2026〕5号 予以表彰"));
    assertThat(driver.ended(key)).isTrue();
    assertThat(unit(2026, "吉林市优秀测试局")).containsEntry("status", "CLOSED");
  }

  @Test
  void goodAndPassingUnitsHaveNoConsequence() {
    String good = evaluate(2026, "吉林市良好测试局", "85");
    String pass = evaluate(2026, "吉林市及格测试局", 70);
    assertThat(driver.ended(good)).isTrue();
    assertThat(driver.ended(pass)).isTrue();
    assertThat(unit(2026, "吉林市良好测试局")).containsEntry("grade", "GOOD").containsEntry("consequence", "NONE")
        .containsEntry("score", "85");
    // Art. 31: 70 is 及格 (the table's reading of “70分以上”)
    assertThat(unit(2026, "吉林市及格测试局")).containsEntry("grade", "PASS").containsEntry("consequence", "NONE");
  }

  @Test
  void failingUnitGetsARectificationNoticeWithAFollowUpDeadline() {
    String key = evaluate(2026, "吉林市不及格测试局", 69);
    assertThat(unit(2026, "吉林市不及格测试局")).containsEntry("grade", "FAIL")
        .containsEntry("consequence", "RECTIFICATION_NOTICE").containsEntry("previousGrade", null);
    assertThat(driver.openTasks(key)).containsExactly("IssueRectificationNotice");
    // the deadline must lie ahead: refused, the task stays open
    assertThatThrownBy(() -> driver.complete(key, "IssueRectificationNotice", "government-approver",
        vars("rectificationNotice", "吉市政整改〔2026〕1号", "rectificationDueDate", "2026-12-20")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("rectificationDueDate");
    driver.complete(key, "IssueRectificationNotice", "government-approver",
        vars("rectificationNotice", "吉市政整改〔2026〕1号：三个月内完成整改", "rectificationDueDate", "2027-03-20"));
    assertThat(driver.openTasks(key)).containsExactly("Rectify");
    assertThat(driver.pendingTimers(key)).containsEntry("RectificationOverdue", LocalDate.of(2027, 3, 21));

    driver.today(LocalDate.of(2027, 3, 20));
    assertThat(driver.fireDueTimers(key)).isEmpty();
    driver.today(LocalDate.of(2027, 3, 21));
    assertThat(driver.fireDueTimers(key)).containsExactly("RectificationOverdue");
    assertThat(driver.openTasks(key)).containsExactly("Rectify", "SuperviseRectification");
    driver.complete(key, "SuperviseRectification", "supervision-head", vars("supervisionNote", "已约谈督促"));
    driver.today(LocalDate.of(2027, 3, 25));
    driver.complete(key, "Rectify", "unit-liaison", vars("rectificationReport", "已完成整改：补齐执法案卷"));
    assertThat(driver.ended(key)).isTrue();
    assertThat(unit(2026, "吉林市不及格测试局")).containsEntry("rectifiedOn", java.sql.Date.valueOf("2027-03-25"))
        .containsEntry("status", "CLOSED");
  }

  @Test
  void secondFailingYearInARowRecommendsRemovingTheLeaders() {
    String unit = "吉林市连续不及格测试局";
    String first = evaluate(2025, unit, 60);
    driver.complete(first, "IssueRectificationNotice", "government-approver",
        vars("rectificationNotice", "整改通知书", "rectificationDueDate", "2027-01-31"));
    driver.complete(first, "Rectify", "unit-liaison", vars("rectificationReport", "整改报告"));
    assertThat(driver.ended(first)).isTrue();

    String second = evaluate(2026, unit, 55);
    assertThat(unit(2026, unit)).containsEntry("previousGrade", "FAIL").containsEntry("grade", "FAIL")
        .containsEntry("consequence", "RECOMMEND_LEADER_REMOVAL")
        .containsEntry("basis", "吉林市责任制规定第三十一条、第三十二条第（四）项");
    assertThat(driver.openTasks(second)).containsExactly("RecommendLeaderRemoval");
    driver.complete(second, "RecommendLeaderRemoval", "supervision-head",
        vars("removalRecommendation", "建议市人社局对主要领导调离现岗位"));
    // Art. 32(3) applies as well: the rectification notice follows
    assertThat(driver.openTasks(second)).containsExactly("IssueRectificationNotice");

    // a unit that failed after a passing year gets the notice only
    String other = "吉林市先及格后不及格测试局";
    String passed = evaluate(2025, other, 75);
    assertThat(driver.ended(passed)).isTrue();
    evaluate(2026, other, 50);
    assertThat(unit(2026, other)).containsEntry("previousGrade", "PASS")
        .containsEntry("consequence", "RECTIFICATION_NOTICE");
  }

  @Test
  void scoreOutsideZeroToHundredIsRefusedAndNothingIsWritten() {
    String key = start(2026, "吉林市分数校验测试局").get(0).businessKey();
    driver.complete(key, "SelfEvaluation", "unit-liaison", vars("selfEvaluation", "自评报告"));
    for (Object bad : List.of(101, -1, "一百", 99.999)) {
      assertThatThrownBy(() -> driver.complete(key, "EvaluateUnit", "supervision-head", vars("score", bad)))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("score"));
    }
    assertThatThrownBy(() -> driver.complete(key, "EvaluateUnit", "supervision-head", vars("score", 101)))
        .hasMessageContaining("0至100分");
    assertThat(driver.openTasks(key)).containsExactly("EvaluateUnit");
    assertThat(unit(2026, "吉林市分数校验测试局")).containsEntry("score", null).containsEntry("grade", null);
    driver.complete(key, "EvaluateUnit", "supervision-head", vars("score", 100));
    assertThat(unit(2026, "吉林市分数校验测试局")).containsEntry("grade", "EXCELLENT");
  }

  @Test
  void aUnitIsEvaluatedOnceAYearAndABadBatchStartsNothing() {
    driver.today(LocalDate.of(2026, 12, 1));
    start(2026, "吉林市重复校验测试局");
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("responsibility-evaluation").count();

    InvalidInputException again = refused(() -> start(2026, "吉林市新单位测试局", "吉林市重复校验测试局"));
    assertThat(again.errors()).containsExactly(new FieldError("units[1]", "“吉林市重复校验测试局”的 2026 "
        + "年度评议考核已经启动：每个单位每年只评议考核一次（吉林市行政执法责任制规定第二十九条）"));
    InvalidInputException twice = refused(() -> start(2026, "吉林市甲测试局", "吉林市甲测试局"));
    assertThat(twice.errors()).extracting(FieldError::field).containsExactly("units[1]");
    assertThat(refused(() -> driver.as("jilin-supervision-head", () -> controller.start(2026, Map.of())))
        .errors()).extracting(FieldError::field).containsExactly("units");
    assertThat(refused(() -> start(2027, "吉林市未来测试局")).errors()).extracting(FieldError::field)
        .containsExactly("year");
    // nothing of the refused batches was started or recorded
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("responsibility-evaluation").count())
        .isEqualTo(before);
    assertThat(units(2026)).extracting(u -> u.get("unitName")).doesNotContain("吉林市新单位测试局", "吉林市甲测试局");

    // only Jilin's supervision head or an administrator starts it
    for (String user : List.of("jilin-investigator", "jinan-supervision-head")) {
      assertThatThrownBy(() -> driver.as(user, () -> controller.start(2026, Map.of("units", List.of("吉林市丙局")))))
          .as(user).isInstanceOf(AuthorizationException.class);
    }
    assertThat(driver.as("demo", () -> controller.start(2026, Map.of("units", List.of("吉林市管理员启动测试局"))))
        .getBody().evaluations()).hasSize(1);
  }

  // ---- helpers ----

  /** Starts the unit's evaluation of the year on 1 December, self-evaluates and scores it on 20 December. */
  private String evaluate(int year, String unit, Object score) {
    driver.today(LocalDate.of(year, 12, 1));
    String key = start(year, unit).get(0).businessKey();
    assertThat(key).startsWith("JILIN-EVAL-" + year + "-");
    driver.complete(key, "SelfEvaluation", "unit-liaison", vars("selfEvaluation", "对照第二十九条逐项自查"));
    driver.today(LocalDate.of(year, 12, 20));
    driver.complete(key, "EvaluateUnit", "supervision-head", vars("score", score, "evaluationNotes", "抽查案卷20件"));
    return key;
  }

  private List<EvaluationController.Started> start(int year, String... units) {
    if (year == 2027) {
      driver.today(LocalDate.of(2026, 12, 1));
    }
    return driver.as("jilin-supervision-head",
        () -> controller.start(year, Map.of("units", List.of(units))).getBody().evaluations());
  }

  private static InvalidInputException refused(Runnable action) {
    try {
      action.run();
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("expected the input to be refused");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> units(int year) {
    return (List<Map<String, Object>>) driver.as("jilin-manager", () -> controller.year(year)).get("units");
  }

  private Map<String, Object> unit(int year, String name) {
    return units(year).stream().filter(u -> name.equals(u.get("unitName"))).findFirst().orElseThrow();
  }
}
