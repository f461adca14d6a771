package cn.faultaccountability.tasklist;

import static cn.faultaccountability.testsupport.CaseDriver.json;
import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.testsupport.CaseDriver;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The forms' rules on the server (engine level, authorization on, each step as its role): a bad completion is refused
 * with a Chinese message naming the field, the task stays open and nothing it submitted is kept; the forms' list
 * shapes are accepted by the delegates; tasks carry the stage's due date and the proposal to display.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:tasklist-validation;DB_CLOSE_DELAY=-1"})
class TaskFormValidationTest {

  @Autowired CaseDriver driver;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  @AfterEach
  void clock() {
    driver.resetClock();
  }

  String intake() {
    driver.today(LocalDate.of(2026, 9, 1));
    return driver.intake(driver.lead("jinan", Map.of()));
  }

  void refused(String key, String task, String role, Map<String, Object> variables, String... messages) {
    assertThatThrownBy(() -> driver.complete(key, task, role, variables))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("表单有误，任务未完成：")
        .hasMessageContainingAll(messages);
    assertThat(driver.openTasks(key)).as("task stays open").contains(task);
    for (String name : variables.keySet()) {
      assertThat(runtimeService.getVariable(driver.instance(key).getId(), name)).as("%s not kept", name)
          .isNotEqualTo(variables.get(name));
    }
  }

  @Test
  void preliminaryCheckAndFilingApprovalNeedAnAllowedOutcomeAndAReason() {
    String key = intake();
    refused(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "MAYBE"), "核查结论：“MAYBE”不是可选的值");
    refused(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "NOT_FILE"), "不予立案的理由：必填");
    refused(key, "PreliminaryCheck", "investigator", vars(), "核查结论：必填");
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    refused(key, "ApproveFiling", "supervision-head", vars("filingDecision", "RETURN", "reason", " "), "理由：必填");
    refused(key, "ApproveFiling", "supervision-head", vars("filingDecision", "REJECT"), "理由：必填");
    driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "RETURN", "reason", "证据不足，补充核查"));
    assertThat(driver.openTasks(key)).containsExactly("PreliminaryCheck");
  }

  @Test
  void investigationNeedsTwoInvestigatorsTheFindingsAndForAnExtensionItsDays() {
    String key = intake();
    file(key);
    refused(key, "Investigate", "investigator", vars("investigationOutcome", "DONE", "investigators",
        json(List.of("jinan-investigator")), "facts", "事实"),
        "调查人员：调查人员不得少于两人（济南市办法第十八条）", "证据：必填", "过错类别：必填");
    refused(key, "Investigate", "investigator", vars("investigationOutcome", "DONE", "investigators", "a,b",
        "facts", "事实", "evidence", "证据", "faultCategory", "NOT_A_CATEGORY"), "过错类别：“NOT_A_CATEGORY”不是可选的值");
    refused(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_EXTENSION"),
        "申请延长的天数：必填", "申请理由：必填");
    refused(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_EXTENSION", "extension", 0,
        "reason", "需要鉴定"), "申请延长的天数：应在 1 到 366 之间");
    refused(key, "Investigate", "investigator", vars("investigationOutcome", "DONE", "investigators", "a,b",
        "facts", "事实", "evidence", "证据", "faultCategory", "FACTS_UNCLEAR",
        "partyFactors", json(List.of(Map.of("party", "张三", "factors", List.of("NOT_A_FACTOR"))))),
        "各当事人的情节第 1 项的情节因素：“NOT_A_FACTOR”不是可选的值");

    // the form asks for days; the head approves 20 of them (Jinan 19: at most 30): 2 October + 20 days
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_EXTENSION",
        "extension", 20, "reason", "案情复杂，需要调取外地证据"));
    driver.complete(key, "ApproveExtension", "supervision-head", vars("approval", "APPROVE", "extension", 20));
    assertThat(driver.deadline(key, "DECISION_AFTER_FILING")).containsEntry("dueDate", LocalDate.of(2026, 10, 22));
    Task investigate = task(key, "Investigate");
    assertThat(day(investigate.getDueDate())).isEqualTo(LocalDate.of(2026, 10, 22));

    // the form's shapes: investigators as a tag list, factors as rows per party
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "DONE",
        "investigators", json(List.of("jinan-investigator", "jinan-investigator-2")), "facts", "事实不清",
        "evidence", "案卷", "faultCategory", "FACTS_UNCLEAR", "scenario", "APPROVED_ACT_WRONG", "severity", "LIGHT",
        "partyFactors", json(List.of(Map.of("party", "张三", "factors", List.of("COOPERATED")),
            Map.of("party", "李四", "factors", List.of())))));
    assertThat(driver.openTasks(key)).containsExactly("StatementAndDefence");
    driver.complete(key, "StatementAndDefence", "unit-liaison", vars("statement", "无异议"));
    driver.complete(key, "DetermineLiabilityManually", "supervision-head", vars("manualLiabilities",
        json(Map.of("张三", "MAIN", "李四", "SECONDARY", "王五", "SECONDARY")), "reason", "承办人未如实报告"));
    assertThat(driver.party(key, "张三").get("factors")).isEqualTo(List.of("COOPERATED"));
  }

  @Test
  void determinationShowsTheProposalAndDepartingNeedsAReason() {
    String key = intake();
    file(key);
    investigate(key);
    refused(key, "StatementAndDefence", "unit-liaison", vars("statement", ""), "陈述和申辩意见：必填");
    driver.complete(key, "StatementAndDefence", "unit-liaison", vars("statement", "无异议"));
    // the form lists one row per person to fill in
    assertThat(JsonVariables.list(runtimeService.getVariable(driver.instance(key).getId(), "manualLiabilities")))
        .extracting(r -> r.get("party")).containsExactly("张三", "李四", "王五");
    refused(key, "DetermineLiabilityManually", "supervision-head", vars("manualLiabilities",
        json(List.of(Map.of("party", "张三", "liability", "MAIN"))), "reason", ""), "认定理由：必填");
    driver.complete(key, "DetermineLiabilityManually", "supervision-head", vars("manualLiabilities",
        json(List.of(Map.of("party", "张三", "liability", "SECONDARY"), Map.of("party", "李四", "liability", "MAIN"),
            Map.of("party", "王五", "liability", "MAIN"))), "reason", "审核、批准人未尽审查职责"));
    assertThat(driver.party(key, "李四")).containsEntry("liability", "MAIN");

    Task determine = task(key, "Determine");
    List<Map<String, Object>> proposal = JsonVariables.list(taskService.getVariableLocal(determine.getId(),
        TaskForms.PROPOSAL_SUMMARY));
    assertThat(proposal).isNotEmpty().allSatisfy(row -> {
      assertThat(row.get("basis").toString()).startsWith("济南市办法");
      assertThat(row.get("mandatory")).isIn("必须适用", "可选");
    });
    Map<String, Object> first = proposal.stream().filter(r -> "张三".equals(r.get("party"))).findFirst().orElseThrow();
    assertThat(first.get("liability")).isEqualTo("次要");
    assertThat(taskService.getVariableLocal(determine.getId(), TaskForms.CASE_SUMMARY).toString())
        .contains(key, "截止 2026-10-08", "济南市办法第十九条");
    assertThat(day(determine.getDueDate())).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(day(determine.getFollowUpDate()))
        .isEqualTo(driver.deadline(key, "DECISION_AFTER_FILING").get("warnFrom"));

    String measure = first.get("measure").toString();
    refused(key, "Determine", "supervision-head", vars("decidedMeasures", json(List.of(Map.of("party", "张三",
        "measure", measure, "action", "REMOVE")))), "偏离建议之处第 1 项的理由：必填");
    refused(key, "Determine", "supervision-head", vars("decidedMeasures", json(List.of(Map.of("party", "张三",
        "measure", measure, "action", "DROP", "reason", "x")))), "偏离建议之处第 1 项的偏离方式：“DROP”不是可选的值");
    driver.complete(key, "Determine", "supervision-head", vars("decidedMeasures", json(List.of(Map.of("party", "张三",
        "measure", measure, "action", "REMOVE", "reason", "已主动纠正")))));
    assertThat(decided(key, "张三")).doesNotContain(measure);

    refused(key, "GovernmentApproval", "government-approver", vars("approval", "RETURN"), "退回重新认定的理由：必填");
    driver.complete(key, "GovernmentApproval", "government-approver", vars("approval", "APPROVE"));
    driver.today(LocalDate.of(2026, 9, 15));
    refused(key, "ServeDecision", "intake-clerk", vars("serviceDate", "2026-09-16"), "送达日期：日期 2026-09-16 晚于今天");
    driver.complete(key, "ServeDecision", "intake-clerk", vars("serviceDate", "2026-09-15"));
    // the unit's report starts from every decided measure, one row each
    List<Map<String, Object>> executed = JsonVariables.list(runtimeService.getVariable(driver.instance(key).getId(),
        "executedMeasures"));
    assertThat(executed).isNotEmpty().noneMatch(r -> "张三".equals(r.get("party")) && measure.equals(r.get("measure")));
  }

  private void file(String key) {
    driver.today(LocalDate.of(2026, 9, 2));
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));
  }

  private void investigate(String key) {
    driver.today(LocalDate.of(2026, 9, 10));
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "DONE", "investigators",
        "inv-a,inv-b", "facts", "事实不清", "evidence", "案卷", "faultCategory", "FACTS_UNCLEAR",
        "scenario", "APPROVED_ACT_WRONG", "severity", "LIGHT", "partyFactors", json(Map.of())));
  }

  private Task task(String key, String definitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(definitionKey)
        .singleResult();
  }

  @SuppressWarnings("unchecked")
  private List<String> decided(String key, String party) {
    return ((List<Map<String, Object>>) driver.party(key, party).get("decidedMeasures")).stream()
        .map(m -> (String) m.get("measure")).toList();
  }

  private static LocalDate day(java.util.Date date) {
    return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
