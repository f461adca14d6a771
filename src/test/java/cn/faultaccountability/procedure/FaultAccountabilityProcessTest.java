package cn.faultaccountability.procedure;

import static cn.faultaccountability.testsupport.CaseDriver.json;
import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.ApiErrors;
import cn.faultaccountability.investigation.RecusalRequestController;
import cn.faultaccountability.review.ReviewApplicationController;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import java.util.List;
import java.util.Map;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;

/**
 * The procedure of SPEC §2-§3 end to end, on H2: one scenario per jurisdiction from intake to closure, and the paths
 * the articles draw (not filed, time-barred, transfer to the unit, extension, suspension, sending back, deadlines
 * across holidays, review in time and too late, review modifying the decision, execution overdue, crime transferred).
 * Process test coverage of fault-accountability is reported to target/process-test-coverage.
 */
@Import({ProcessEngineCoverageConfiguration.class, FaultAccountabilityProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:procedure-test;DB_CLOSE_DELAY=-1")
class FaultAccountabilityProcessTest extends AbstractProcedureTest {

  /** Issue: procedure — at least 95% of fault-accountability's flow nodes and sequence flows. */
  @TestConfiguration
  static class Coverage {
    @Bean
    ProcessEngineCoverageProperties coverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(0.95)
          .excludeProcessDefinitionKeys(ProcessConstants.PROCESS_RESPONSIBILITY_EVALUATION).build();
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired ReviewApplicationController reviews;
  @Autowired RecusalRequestController recusals;

  @Test
  void jinanCaseFromIntakeToClosure() {
    String key = intake("jinan", LocalDate.of(2026, 9, 1), "济南市甲区市场监督管理局", Map.of());
    assertThat(key).matches("JINAN-2026-\\d{5}");
    BpmnAwareTests.init(engine);
    ProcessInstance instance = driver.instance(key);
    BpmnAwareTests.assertThat(instance).isWaitingAt("PreliminaryCheck").task().hasCandidateGroup("jinan-investigator");
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
    // the statement period ended with the statement: its deadline is done, not left to turn RED on the board
    assertThat(driver.deadline(key, "STATEMENT_AND_DEFENCE")).containsEntry("colour", "DONE");
    // Jinan 14: a unit that alone caused the fault bears full liability
    assertThat(driver.party(key, "济南市甲区市场监督管理局")).containsEntry("liability", "FULL")
        .containsEntry("liabilityBasis", "济南市办法第十四条第一款");
    assertThat(proposed(key, "张三")).isNotEmpty().allSatisfy(m -> assertThat(m.get("mandatory")).isEqualTo(false));

    driver.complete(key, "Determine", "supervision-head", Map.of());
    // Jinan 20: approved by the government at the same level
    driver.complete(key, "GovernmentApproval", "government-approver", vars("approval", "APPROVE"));
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("colour", "DONE");
    // the decision document is reachable from the next task in Tasklist
    var serve = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("ServeDecision").singleResult();
    assertThat(engine.getTaskService().getVariableLocal(serve.getId(), "caseSummary").toString())
        .contains("下载处理决定书", "/api/cases/" + key + "/documents/");

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
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("DetermineLiabilityManually", "GovernmentApproval",
        "ReviewWindowLapsed", "CloseCase").hasNotPassed("ReviewApplicationReceived", "CorrectExecution");
    assertThat(driver.view(key)).containsEntry("status", "CLOSED");
    // the review window lapsed: its deadline ended then
    assertThat(driver.deadline(key, "REVIEW_APPLICATION")).containsEntry("colour", "DONE");
    assertThat(driver.history(key)).contains("INTAKE", "INVESTIGATED", "LIABILITY_DETERMINED", "DETERMINED",
        "DECISION_ISSUED", "SERVED", "COMPLAINANT_CALL_NEEDED", "EXECUTED", "NO_REVIEW", "CLOSED");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> used = (List<Map<String, Object>>) driver.view(key).get("decisionsUsed");
    assertThat(used).extracting(u -> u.get("decision_key")).contains("statutory-deadlines",
        "liability-apportionment", "unit-liability", "circumstances", "sanctions");
    assertThat(used).extracting(u -> u.get("version_tag")).containsOnly("jinan-2024");

    // review applied too late (Jinan 21): refused with the window's due date, nothing recorded
    assertThatThrownBy(() -> driver.as("jinan-intake-clerk", () -> reviews.apply(key,
        Map.of("applicant", "张三", "grounds", "不服"))))
        .isInstanceOfSatisfying(ApiErrors.Conflict.class,
            e -> assertThat(e.details()).containsEntry("dueDate", "2026-09-30"));
    assertThat(driver.history(key)).doesNotContain("REVIEW_APPLIED");
  }

  @Test
  void changzhouReviewAppliedInTimeModifiesTheDecisionAndTheExecutionIsCorrected() {
    String key = intake("changzhou", LocalDate.of(2026, 9, 1), "常州市乙区城市管理局", Map.of());
    driver.today(LocalDate.of(2026, 9, 2));
    file(key);
    // Changzhou 31: 60 days from filing; 1 November is a Sunday → 2 November
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("dueDate", LocalDate.of(2026, 11, 2));
    // a respondent asks an investigator to recuse: the head decides, a replacement takes over
    driver.as("changzhou-intake-clerk", () -> recusals.request(key,
        Map.of("investigator", "changzhou-investigator-2", "grounds", "与被调查人员系近亲属")));
    driver.complete(key, "DecideRecusal", "supervision-head", vars("recusalGranted", true,
        "replacementInvestigator", "changzhou-investigator", "reason", "存在利害关系"));
    driver.today(LocalDate.of(2026, 9, 10));
    investigate(key, "FACTS_UNCLEAR", "APPROVED_ACT_WRONG", Map.of());
    statement(key);
    // Changzhou 11(4): handler, reviewer and approver share by the size of their responsibility
    assertThat(driver.party(key, "张三")).containsEntry("liability", "PROPORTIONAL")
        .containsEntry("liabilityBasis", "常州市办法第十一条第（四）项");
    assertThat(driver.party(key, "常州市乙区城市管理局")).containsEntry("liability", "FULL");
    driver.complete(key, "Determine", "supervision-head", Map.of());
    assertThat(driver.openTasks(key)).containsExactly("ServeDecision");

    serve(key, LocalDate.of(2026, 9, 15));
    // Changzhou 33: 30 days from receipt
    assertThat(driver.deadline(key, "REVIEW_APPLICATION")).containsEntry("dueDate", LocalDate.of(2026, 10, 15));
    driver.today(LocalDate.of(2026, 9, 20));
    executeAsDecided(key, "ExecuteDecision");
    driver.today(LocalDate.of(2026, 9, 25));
    driver.as("changzhou-intake-clerk", () -> reviews.apply(key, Map.of("applicant", "张三", "grounds", "处理过重")));
    // 30 days from the application: 25 October is a Sunday → 26 October
    // the application ended the window: the review-application deadline is done, the review's own one runs
    assertThat(driver.deadline(key, "REVIEW_APPLICATION")).containsEntry("colour", "DONE");
    assertThat(driver.deadline(key, "REVIEW_DECISION")).containsEntry("dueDate", LocalDate.of(2026, 10, 26));
    // Changzhou 33: extendable by at most 30 days, with approval
    driver.complete(key, "DecideReview", "supervision-head", vars("reviewOutcome", "REQUEST_EXTENSION",
        "extension", 10, "reason", "案情复杂"));
    driver.complete(key, "ApproveReviewExtension", "supervision-head", vars("approval", "APPROVE",
        "extension", 10, "reason", "需调取补充材料"));
    assertThat(driver.deadline(key, "REVIEW_DECISION")).containsEntry("dueDate", LocalDate.of(2026, 11, 4));
    assertThat(driver.pendingTimers(key)).containsEntry("ReviewDeadlineOverdue", LocalDate.of(2026, 11, 5));
    driver.complete(key, "DecideReview", "supervision-head", vars("reviewOutcome", "REQUEST_EXTENSION",
        "extension", 30, "reason", "仍需时间"));
    assertThatThrownBy(() -> driver.complete(key, "ApproveReviewExtension", "supervision-head",
        vars("approval", "APPROVE", "extension", 30, "reason", "再延长")))
        .hasMessageContaining("不得超过 30 日");
    driver.complete(key, "ApproveReviewExtension", "supervision-head", vars("approval", "RETURN",
        "reason", "延期已用尽"));
    driver.complete(key, "DecideReview", "supervision-head", vars("reviewOutcome", "MODIFY", "reason", "处理过重",
        "revisedMeasures", json(List.of(Map.of("party", "张三", "measure", "WRITTEN_SELF_CRITICISM")))));
    // the original decision was executed during the review: the unit corrects it to the review decision
    assertThat(driver.openTasks(key)).containsExactly("CorrectExecution");
    assertThat(decided(key, "张三")).containsExactly("WRITTEN_SELF_CRITICISM");
    assertThat(decided(key, "李四")).isEmpty();
    executeAsDecided(key, "CorrectExecution");
    assertThat(driver.ended(key)).isTrue();
    assertThat(driver.view(key).get("details")).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("review_outcome", "MODIFY");
    assertThat(driver.history(key)).contains("RECUSAL_REQUESTED", "RECUSAL", "REVIEW_APPLIED", "DEADLINE_EXTENDED",
        "REVIEW_DECIDED", "EXECUTION_DIFFERS");
  }

  @Test
  void jilinCaseWithExemptionDeparturesCrimeTransferAndPersonnelFiling() {
    String key = intake("jilin", LocalDate.of(2026, 9, 1), "吉林市丙区交通运输局", Map.of());
    driver.today(LocalDate.of(2026, 9, 2));
    file(key);
    driver.today(LocalDate.of(2026, 9, 10));
    // Jilin 11(4): force majeure → not pursued for 王五; a suspected crime goes to the judiciary (Jilin 13)
    investigate(key, "FACTS_UNCLEAR", "APPROVED_ACT_WRONG", Map.of("王五", List.of("FORCE_MAJEURE")),
        "crimeSuspected", true);
    statement(key);
    // Jilin 9(3): reviewer and approver main, handler secondary
    assertThat(driver.party(key, "李四")).containsEntry("liability", "MAIN");
    assertThat(driver.party(key, "张三")).containsEntry("liability", "SECONDARY");
    assertThat(driver.party(key, "王五")).containsEntry("exempt", true);
    assertThat(proposed(key, "王五")).isEmpty();
    // Jilin 13(1): the main liable person is recommended for a sanction — mandatory
    assertThat(proposed(key, "李四")).anySatisfy(m -> assertThat(m)
        .containsEntry("measure", "RECOMMEND_DISCIPLINARY_ACTION").containsEntry("mandatory", true)
        .containsEntry("basis", "吉林市办法第十三条第（一）项"));

    // removing a mandatory measure without a reason is refused; the task stays open
    assertThatThrownBy(() -> driver.complete(key, "Determine", "supervision-head", vars("decidedMeasures",
        json(List.of(Map.of("party", "李四", "measure", "RECOMMEND_DISCIPLINARY_ACTION", "apply", false))))))
        .hasMessageContaining("须写明理由");
    assertThat(driver.openTasks(key)).contains("Determine");
    driver.complete(key, "Determine", "supervision-head", vars("decidedMeasures", json(List.of(
        Map.of("party", "李四", "measure", "RECOMMEND_DISCIPLINARY_ACTION", "apply", false,
            "reason", "已由纪检监察机关立案处理"),
        Map.of("party", "张三", "measure", "ADMONITION_TALK", "reason", "情节较轻，诫勉即可")))));
    assertThat(decided(key, "李四")).doesNotContain("RECOMMEND_DISCIPLINARY_ACTION").contains("TRANSFER_TO_JUDICIARY");
    assertThat(decided(key, "张三")).contains("ADMONITION_TALK");
    driver.complete(key, "TransferToAuthorities", "supervision-head", vars("transferOrgan", "吉林市公安局",
        "transferDate", "2026-09-10"));

    serve(key, LocalDate.of(2026, 9, 15));
    // Jilin 16: filed with the personnel department
    driver.complete(key, "FileWithPersonnelDepartment", "hr-clerk", vars("personnelDepartment", "吉林市人力资源和社会保障局",
        "filedOn", "2026-09-15"));
    executeAsDecided(key, "ExecuteDecision");
    driver.as("jilin-intake-clerk", () -> reviews.apply(key, Map.of("applicant", "李四", "grounds", "不服")));
    driver.complete(key, "DecideReview", "supervision-head", vars("reviewOutcome", "UPHOLD", "reason", "事实清楚"));
    assertThat(driver.ended(key)).isTrue();
    assertThat(driver.history(key)).contains("EXEMPT", "MANDATORY_MEASURE_REMOVED", "PROPOSAL_DEPARTED",
        "TRANSFERRED", "REVIEW_DECIDED", "CLOSED");
  }

  @Test
  void mingshanLeadingGroupDecidesCollectivelyAndAnOverdueExecutionIsEscalated() {
    String key = intake("mingshan", LocalDate.of(2026, 9, 1), "明山区丁街道综合执法队", Map.of());
    driver.today(LocalDate.of(2026, 9, 2));
    file(key);
    driver.today(LocalDate.of(2026, 9, 10));
    investigate(key, "OTHER", "APPROVED_ACT_WRONG", Map.of());
    // no statement within the period (5 days from 10 September): waived
    driver.today(LocalDate.of(2026, 9, 16));
    assertThat(driver.fireDueTimers(key)).contains("StatementPeriodLapsed");
    // Mingshan 9: handler and reviewer liable (ungraded)
    assertThat(driver.party(key, "张三")).containsEntry("liability", "LIABLE");
    assertThat(driver.openTasks(key)).containsExactly("CollectiveDetermination");
    // the regulation is silent on a unit's liability: no table rule, so the leading group gives it
    assertThat(driver.party(key, "明山区丁街道综合执法队")).containsEntry("liability", null);
    assertThatThrownBy(() -> driver.complete(key, "CollectiveDetermination", "supervision-head",
        vars("meetingRecord", "2026年9月16日领导小组会议，全体成员出席，一致通过")))
        .hasMessageContaining("单位责任表没有规定");
    driver.complete(key, "CollectiveDetermination", "supervision-head",
        vars("meetingRecord", "2026年9月16日领导小组会议，全体成员出席，一致通过",
            "unitLiabilities", json(List.of("明山区丁街道综合执法队|FULL"))));
    assertThat(driver.party(key, "明山区丁街道综合执法队")).containsEntry("liability", "FULL")
        .containsEntry("liabilitySource", "MANUAL");
    serve(key, LocalDate.of(2026, 9, 16));
    // the execution report is due 30 days after receipt; overdue → the head is escalated to, the case goes on
    driver.today(LocalDate.of(2026, 10, 17));
    assertThat(driver.fireDueTimers(key)).contains("ExecutionDeadlineWarning", "ExecutionDeadlineOverdue",
        "ReviewWindowLapsed");
    assertThat(driver.openTasks(key)).containsExactlyInAnyOrder("ExecuteDecision", "SuperviseExecutionDeadline");
    assertThat(driver.deadline(key, "EXECUTION_REPORT")).containsEntry("colour", "RED");
    driver.complete(key, "SuperviseExecutionDeadline", "supervision-head", vars("supervisionNote", "已督促执行"));
    executeAsDecided(key, "ExecuteDecision");
    assertThat(driver.ended(key)).isTrue();
    assertThat(driver.history(key)).contains("STATEMENT_WAIVED", "DEADLINE_RED", "NO_REVIEW");
  }

  @Test
  void notFiledTheComplainantIsToldWhy() {
    String key = intake("changzhou", LocalDate.of(2026, 9, 1), "常州市戊区住房和城乡建设局", Map.of());
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "NOT_FILE",
        "notFiledReason", "举报事项不属于行政执法过错"));
    assertThat(driver.ended(key)).isTrue();
    assertThat(driver.view(key)).containsEntry("status", "NOT_FILED");
    assertThat(driver.view(key).get("details")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("not_filed_reason", "举报事项不属于行政执法过错");
    // the lead's contact is a phone number: the intake clerks are given the call (docs/documents.md)
    assertThat(driver.history(key)).contains("COMPLAINANT_CALL_NEEDED");
  }

  @Test
  void jilinLimitationTwoYearsAfterTheFaultEndedIsNotPursued() {
    // Jilin 11(1): not discovered within 2 years of the fault's end
    String key = intake("jilin", LocalDate.of(2026, 9, 1), "吉林市己区自然资源局",
        Map.of("faultEndedOn", "2024-03-01", "discoveredOn", "2026-03-02"));
    assertThat(driver.ended(key)).isTrue();
    assertThat(driver.view(key)).containsEntry("status", "NOT_FILED");
    assertThat((String) ((Map<?, ?>) driver.view(key).get("details")).get("not_filed_reason"))
        .contains("吉林市办法第十一条第（一）项");
    // one day less than two years later: pursued
    String inTime = intake("jilin", LocalDate.of(2026, 9, 1), "吉林市己区自然资源局",
        Map.of("faultEndedOn", "2024-03-01", "discoveredOn", "2026-03-01"));
    assertThat(driver.openTasks(inTime)).containsExactly("PreliminaryCheck");
  }

  @Test
  void filingApprovalSentBackKeepsTheStageDeadlineThenRejected() {
    String key = intake("jinan", LocalDate.of(2026, 9, 1), "济南市庚区生态环境局", Map.of());
    Map<String, java.time.LocalDate> timers = driver.pendingTimers(key);
    driver.today(LocalDate.of(2026, 9, 3));
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "RETURN",
        "reason", "证据不足，请补充核查"));
    assertThat(driver.openTasks(key)).containsExactly("PreliminaryCheck");
    // sent back inside the stage: neither dropped nor restarted
    assertThat(driver.pendingTimers(key)).isEqualTo(timers);
    assertThat(driver.deadline(key, "PRELIMINARY_CHECK")).containsEntry("dueDate", LocalDate.of(2026, 9, 16));
    // the stage's YELLOW reminder and RED escalation fire on their dates while the check goes on
    driver.today(LocalDate.of(2026, 9, 17));
    assertThat(driver.fireDueTimers(key)).containsExactlyInAnyOrder("PreliminaryCheckDeadlineWarning",
        "PreliminaryCheckDeadlineOverdue");
    driver.complete(key, "SupervisePreliminaryCheckDeadline", "supervision-head", vars("supervisionNote", "限期完成"));
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "REJECT",
        "reason", "经补充核查，不构成行政执法过错"));
    assertThat(driver.ended(key)).isTrue();
    assertThat(driver.view(key)).containsEntry("status", "NOT_FILED");
  }

  @Test
  void jinanTransferToTheUnitOverdueIsEscalated() {
    String key = intake("jinan", LocalDate.of(2026, 9, 1), "济南市辛区城市管理局", Map.of());
    driver.today(LocalDate.of(2026, 9, 2));
    // Jinan 16: the unit decides within 30 days of the transfer and reports back
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "TRANSFER"));
    assertThat(driver.deadline(key, "TRANSFERRED_UNIT_DECISION")).containsEntry("dueDate", LocalDate.of(2026, 10, 8))
        .containsEntry("basis", "济南市办法第十六条第二款");
    driver.today(LocalDate.of(2026, 10, 9));
    assertThat(driver.fireDueTimers(key)).containsExactlyInAnyOrder("TransferDeadlineWarning", "TransferDeadlineOverdue");
    assertThat(driver.openTasks(key)).containsExactlyInAnyOrder("UnitDecidesTransferredCase", "SuperviseTransferDeadline");
    driver.complete(key, "SuperviseTransferDeadline", "supervision-head", vars("supervisionNote", "督促报告"));
    driver.complete(key, "UnitDecidesTransferredCase", "unit-liaison", vars("unitReport", "已对承办人作出书面检查的处理"));
    assertThat(driver.ended(key)).isTrue();
    assertThat(driver.view(key)).containsEntry("status", "TRANSFERRED");
    assertThat(driver.history(key)).contains("DEADLINE_YELLOW", "DEADLINE_RED", "UNIT_REPORTED");
  }

  @Test
  void jinanInvestigationExtendedWithinTheCapThenSuspendedAndResumed() {
    String key = intake("jinan", LocalDate.of(2026, 9, 1), "济南市壬区卫生健康委员会", Map.of());
    driver.today(LocalDate.of(2026, 9, 2));
    file(key);
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("dueDate", LocalDate.of(2026, 10, 8));
    // Jinan 19: extended once by the head, by at most 30 days → 60 days from filing: 1 November (Sun) → 2 November
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_EXTENSION",
        "extension", 30, "reason", "情况复杂"));
    driver.complete(key, "ApproveExtension", "supervision-head", vars("approval", "APPROVE", "extension", 30,
        "reason", "情况复杂"));
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("dueDate", LocalDate.of(2026, 11, 2));
    assertThat(driver.pendingTimers(key)).containsEntry("DecisionDeadlineOverdue", LocalDate.of(2026, 11, 3));
    // beyond the cap: refused, nothing moves
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_EXTENSION",
        "extension", 5, "reason", "仍需补充调查"));
    assertThatThrownBy(() -> driver.complete(key, "ApproveExtension", "supervision-head",
        vars("approval", "APPROVE", "extension", 5, "reason", "再延")))
        .hasMessageContaining("不得超过 30 日");
    driver.complete(key, "ApproveExtension", "supervision-head", vars("approval", "RETURN", "reason", "不得再延"));
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("dueDate", LocalDate.of(2026, 11, 2));

    // suspended for an expert appraisal from 20 to 27 September: the timers stop, the due date moves 7 days
    driver.today(LocalDate.of(2026, 9, 20));
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_SUSPENSION",
        "reason", "委托鉴定"));
    driver.complete(key, "ApproveSuspension", "supervision-head", vars("approval", "APPROVE", "reason", "委托鉴定"));
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("colour", "SUSPENDED");
    driver.today(LocalDate.of(2026, 9, 27));
    driver.complete(key, "ResumeStage", "supervision-head", vars("reason", "鉴定意见已出具"));
    // 1 November + 7 days = 8 November (Sun) → 9 November
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("dueDate", LocalDate.of(2026, 11, 9));
    assertThat(driver.pendingTimers(key)).containsEntry("DecisionDeadlineOverdue", LocalDate.of(2026, 11, 10));
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_SUSPENSION",
        "reason", "再次鉴定"));
    driver.complete(key, "ApproveSuspension", "supervision-head", vars("approval", "RETURN", "reason", "无需再次鉴定"));
    assertThat(driver.openTasks(key)).containsExactly("Investigate");
    assertThat(driver.history(key)).contains("DEADLINE_EXTENDED", "STAGE_SUSPENDED", "STAGE_RESUMED");
  }

  @Test
  void yellowAndRedFireOnTheirCalendarDatesAcrossAHolidayAndAMakeUpWorkday() {
    // filed 2 September: 30 days end in the National Day holiday → due 8 October
    String key = intake("jinan", LocalDate.of(2026, 9, 1), "济南市癸区教育局", Map.of());
    driver.today(LocalDate.of(2026, 9, 2));
    file(key);
    LocalDate warnFrom = (LocalDate) driver.deadline(key, "DECISION_AFTER_FILING").get("warnFrom");
    assertThat(driver.pendingTimers(key)).containsEntry("DecisionDeadlineWarning", warnFrom);
    driver.today(warnFrom.minusDays(1));
    assertThat(driver.fireDueTimers(key)).isEmpty();
    driver.today(warnFrom);
    assertThat(driver.fireDueTimers(key)).containsExactly("DecisionDeadlineWarning");
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("colour", "YELLOW");
    driver.today(LocalDate.of(2026, 10, 8));
    assertThat(driver.fireDueTimers(key)).isEmpty();
    driver.today(LocalDate.of(2026, 10, 9));
    assertThat(driver.fireDueTimers(key)).containsExactly("DecisionDeadlineOverdue");
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("colour", "RED");
    // escalated to the head, and the investigation goes on
    assertThat(driver.openTasks(key)).containsExactlyInAnyOrder("Investigate", "SuperviseDecisionDeadline");
    driver.complete(key, "SuperviseDecisionDeadline", "supervision-head", vars("supervisionNote", "限期三日内终结"));

    // filed 10 September: day 30 is Saturday 10 October, a make-up workday → not rolled
    String other = intake("jinan", LocalDate.of(2026, 9, 9), "济南市癸区文化和旅游局", Map.of());
    driver.today(LocalDate.of(2026, 9, 10));
    file(other);
    assertThat(driver.deadline(other, "DECISION_AFTER_FILING")).containsEntry("dueDate", LocalDate.of(2026, 10, 10));
    driver.today(LocalDate.of(2026, 10, 10));
    assertThat(driver.fireDueTimers(other)).doesNotContain("DecisionDeadlineOverdue");
    driver.today(LocalDate.of(2026, 10, 11));
    assertThat(driver.fireDueTimers(other)).contains("DecisionDeadlineOverdue");
  }

  @Test
  void jinanGovernmentSendsTheDecisionBackForRedetermination() {
    String key = intake("jinan", LocalDate.of(2026, 9, 1), "济南市子区农业农村局", Map.of());
    driver.today(LocalDate.of(2026, 9, 2));
    file(key);
    investigate(key, "WRONG_LAW", "HANDLER_ACTED_ALONE", Map.of());
    statement(key);
    driver.complete(key, "DetermineLiabilityManually", "supervision-head", vars("manualLiabilities",
        json(Map.of("张三", "FULL", "李四", "NONE", "王五", "NONE")), "reason", "承办人独自作出"));
    driver.complete(key, "Determine", "supervision-head", Map.of());
    driver.complete(key, "GovernmentApproval", "government-approver", vars("approval", "RETURN",
        "reason", "请补充说明处理依据"));
    assertThat(driver.openTasks(key)).containsExactly("Determine");
    driver.complete(key, "Determine", "supervision-head", Map.of());
    driver.complete(key, "GovernmentApproval", "government-approver", vars("approval", "APPROVE"));
    assertThat(driver.openTasks(key)).containsExactly("ServeDecision");
    // the review-decision stage's own reminders: applied, then the reviewer runs late
    serve(key, LocalDate.of(2026, 9, 15));
    driver.as("jinan-intake-clerk", () -> reviews.apply(key, Map.of("applicant", "张三", "grounds", "不服")));
    driver.today(LocalDate.of(2026, 10, 20));
    assertThat(driver.fireDueTimers(key)).contains("ReviewDeadlineWarning", "ReviewDeadlineOverdue");
    driver.complete(key, "SuperviseReviewDeadline", "supervision-head", vars("supervisionNote", "尽快复核"));
    driver.complete(key, "DecideReview", "supervision-head", vars("reviewOutcome", "REVOKE", "reason", "依据不足"));
    assertThat(decided(key, "张三")).isEmpty();
  }
}
