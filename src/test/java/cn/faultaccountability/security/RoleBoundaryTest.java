package cn.faultaccountability.security;

import static cn.faultaccountability.testsupport.CaseDriver.json;
import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.investigation.RecusalRequestController;
import cn.faultaccountability.testsupport.CaseDriver;
import cn.faultaccountability.testsupport.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 8.2: within a tenant each role does only its own steps — the supervision head alone approves filing,
 * extension and suspension and decides recusal; the government approver acts on Jinan decisions only (and only Jinan
 * cases ask for one); decision administrators deploy tables but see no case; an investigator who is a party of the
 * case is refused (Jinan 18).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:security-role-boundaries;DB_CLOSE_DELAY=-1")
class RoleBoundaryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired CaseDriver driver;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RecusalRequestController recusals;

  @AfterEach
  void clock() {
    driver.resetClock();
  }

  private String intake(String tenant, String unit) {
    driver.today(LocalDate.of(2026, 9, 1));
    return driver.intake(driver.lead(tenant, unit, Map.of()));
  }

  private Task task(String key, String definitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(definitionKey)
        .singleResult();
  }

  /** The user can neither claim nor complete the task, over engine REST or the Java API; the task is unchanged. */
  private void cannotAct(String user, String key, String definitionKey) {
    Task before = task(key, definitionKey);
    assertThat(before).as(definitionKey).isNotNull();
    EngineRest rest = new EngineRest(port);
    if (!user.equals(CaseDriver.tenantOf(key) + "-manager")) {
      // managers read their tenant's tasks (monitoring) but may not work on them
      assertThat(rest.get("/engine-rest/task?processInstanceBusinessKey=" + key, user).body())
          .as(user + " lists " + definitionKey).doesNotContain(before.getId());
    }
    for (String[] call : new String[][] {{"/claim", "{\"userId\": \"" + user + "\"}"},
        {"/complete", "{\"variables\": {\"approval\": {\"value\": \"APPROVE\"}}}"}}) {
      HttpResponse<String> r = rest.postJson("/engine-rest/task/" + before.getId() + call[0], user, call[1]);
      assertThat(r.statusCode()).as(user + " " + definitionKey + call[0] + " " + r.body()).isBetween(400, 499);
    }
    assertThatThrownBy(() -> driver.as(user, () -> {
      taskService.complete(before.getId(), vars("approval", "APPROVE", "filingDecision", "APPROVE"));
      return null;
    })).as(user + " completes " + definitionKey).isNotNull();
    Task after = task(key, definitionKey);
    assertThat(after).as(definitionKey + " still open").isNotNull();
    assertThat(after.getId()).isEqualTo(before.getId());
    assertThat(after.getAssignee()).isNull();
  }

  @Test
  void onlyTheSupervisionHeadApprovesFilingExtensionAndSuspension() {
    String key = intake("jinan", "济南市角色区市场监督管理局");
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    for (String user : List.of("jinan-investigator", "jinan-investigator-2", "jinan-intake-clerk",
        "jinan-government-approver", "jinan-manager", "jinan-decision-admin", "jilin-supervision-head")) {
      cannotAct(user, key, "ApproveFiling");
    }
    driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));

    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_EXTENSION",
        "extension", 10, "reason", "需要调取外地证据"));
    cannotAct("jinan-investigator", key, "ApproveExtension");
    cannotAct("jinan-unit-liaison", key, "ApproveExtension");
    driver.complete(key, "ApproveExtension", "supervision-head", vars("approval", "RETURN", "reason", "不必延长"));

    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_SUSPENSION",
        "reason", "委托鉴定"));
    cannotAct("jinan-investigator", key, "ApproveSuspension");
    cannotAct("jinan-hr-clerk", key, "ApproveSuspension");
    driver.complete(key, "ApproveSuspension", "supervision-head", vars("approval", "RETURN", "reason", "无需鉴定"));
    assertThat(driver.openTasks(key)).containsExactly("Investigate");
  }

  @Test
  void theGovernmentApproverActsOnJinanDecisionsOnlyAndOtherTenantsNeverAskForOne() {
    String jinan = intake("jinan", "济南市审批区市场监督管理局");
    String jilin = intake("jilin", "吉林市审批区市场监督管理局");
    for (String key : List.of(jinan, jilin)) {
      toDetermination(key);
    }
    assertThat(driver.openTasks(jinan)).containsExactly("GovernmentApproval");
    for (String user : List.of("jinan-supervision-head", "jinan-investigator", "jilin-government-approver")) {
      cannotAct(user, jinan, "GovernmentApproval");
    }
    // a Jinan approver cannot act on any Jilin task, whatever it is
    String jilinTask = driver.openTasks(jilin).get(0);
    cannotAct("jinan-government-approver", jilin, jilinTask);
    assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(driver.instance(jilin).getId()).activityId("GovernmentApproval").count()).isZero();
    assertThat(driver.openTasks(jilin)).doesNotContain("GovernmentApproval");
    driver.complete(jinan, "GovernmentApproval", "government-approver", vars("approval", "APPROVE"));
    assertThat(driver.openTasks(jinan)).contains("ServeDecision");
  }

  /** Files and investigates the case and has the head determine it. */
  private void toDetermination(String key) {
    String tenant = CaseDriver.tenantOf(key);
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "DONE",
        "investigators", json(List.of(tenant + "-investigator", tenant + "-investigator-2")),
        "facts", "经调查，罚款决定认定事实不清", "evidence", "案卷、询问笔录", "faultCategory", "FACTS_UNCLEAR",
        "scenario", "APPROVED_ACT_WRONG", "severity", "LIGHT", "partyFactors", json(Map.of())));
    driver.complete(key, "StatementAndDefence", "unit-liaison", vars("statement", "无异议"));
    if (driver.openTasks(key).contains("DetermineLiabilityManually")) {
      driver.complete(key, "DetermineLiabilityManually", "supervision-head", vars("manualLiabilities",
          json(Map.of("张三", "SECONDARY", "李四", "MAIN", "王五", "MAIN")), "reason", "审核、批准人未尽审查职责"));
    }
    driver.complete(key, "Determine", "supervision-head", Map.of());
  }

  @Test
  void decisionAdministratorsDeployTablesOfTheirTenantButSeeNoCase() throws Exception {
    String key = intake("jilin", "吉林市决策区市场监督管理局");
    Task check = task(key, "PreliminaryCheck");
    EngineRest rest = new EngineRest(port);
    String admin = "jilin-decision-admin";
    HttpResponse<String> deployed = deploy(rest, admin, "jilin");
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    String deploymentId = JSON.readTree(deployed.body()).get("id").asText();
    try {
      assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("isolation-probe")
          .tenantIdIn("jilin").count()).isEqualTo(1);
      // not into another tenant
      HttpResponse<String> foreign = deploy(rest, admin, "jinan");
      assertThat(foreign.statusCode()).as(foreign.body()).isBetween(400, 499);
      assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("isolation-probe")
          .tenantIdIn("jinan").count()).isZero();
      // nor without a tenant, nor a process model (it would run as the engine)
      HttpResponse<String> shared = deploy(rest, admin, null, "isolation-probe.dmn", "/fixtures/isolation-probe.dmn");
      assertThat(shared.statusCode()).as(shared.body()).isEqualTo(403);
      HttpResponse<String> process = deploy(rest, admin, "jilin", "failing-jobs.bpmn", "/fixtures/failing-jobs.bpmn");
      assertThat(process.statusCode()).as(process.body()).isEqualTo(403);
      assertThat(JSON.readTree(process.body()).get("message").asText()).contains(".dmn");
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("failing-jobs").count())
          .isZero();
      // and no case: no task, no instance, no variable, no case view
      for (String path : List.of("/engine-rest/task", "/engine-rest/task?processInstanceBusinessKey=" + key,
          "/engine-rest/process-instance", "/engine-rest/variable-instance",
          "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key)) {
        JsonNode list = JSON.readTree(rest.get(path, admin).body());
        assertThat(list).as(path).isEmpty();
      }
      assertThat(rest.get("/engine-rest/task/" + check.getId(), admin).statusCode()).isBetween(400, 499);
      assertThat(rest.get("/engine-rest/process-instance/" + check.getProcessInstanceId(), admin).statusCode())
          .isBetween(400, 499);
      assertThat(rest.get("/api/cases/" + key, admin).statusCode()).isEqualTo(404);
      cannotAct(admin, key, "PreliminaryCheck");
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  private static HttpResponse<String> deploy(EngineRest rest, String user, String tenant) throws Exception {
    return deploy(rest, user, tenant, "isolation-probe.dmn", "/fixtures/isolation-probe.dmn");
  }

  private static HttpResponse<String> deploy(EngineRest rest, String user, String tenant, String fileName,
      String resource) throws Exception {
    byte[] dmn;
    try (InputStream in = RoleBoundaryTest.class.getResourceAsStream(resource)) {
      dmn = in.readAllBytes();
    }
    String boundary = "----deploy";
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe-" + tenant
        + (tenant == null ? "" : "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenant-id\"\r\n\r\n"
        + tenant) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\""
        + "\r\nContent-Type: application/xml\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(head.getBytes(StandardCharsets.UTF_8));
    body.write(dmn);
    body.write(tail.getBytes(StandardCharsets.UTF_8));
    return rest.send(rest.request("/engine-rest/deployment/create", user)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  /** As the user, claims (unless told not to) and completes the case's open task of that definition. */
  private void completeAs(String user, String key, String definitionKey, boolean claim, Map<String, Object> values) {
    driver.as(user, () -> {
      Task task = task(key, definitionKey);
      if (claim) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), values);
      return null;
    });
  }

  /** The user's completion is refused, with a Chinese message naming why; the task stays open and is given back. */
  private void refusedAsOwnCase(String user, String key, String definitionKey, Map<String, Object> values) {
    Task before = task(key, definitionKey);
    assertThatThrownBy(() -> completeAs(user, key, definitionKey, true, values))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
        .hasMessageContaining("本案").hasMessageContaining(before.getName())
        .hasMessageContaining("调查与审批、认定须由不同的人负责");
    taskService.setAssignee(before.getId(), null);
    HttpResponse<String> rest = new EngineRest(port).postJson("/engine-rest/task/" + before.getId() + "/complete",
        user, "{\"variables\": {}}");
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(403);
    assertThat(rest.body()).contains("调查与审批、认定须由不同的人负责");
    assertThat(task(key, definitionKey)).as(definitionKey + " still open").isNotNull()
        .extracting(Task::getId).isEqualTo(before.getId());
  }

  /**
   * Separation of duties: a user in both the investigator and the supervision-head group of Jinan approves and decides
   * no case they investigate — one whose investigator task they did (claimed, or completed without claiming over
   * engine REST), or one that names them among its investigators — but does so on other cases.
   */
  @Test
  void aUserWhoIsBothInvestigatorAndHeadNeitherApprovesNorDecidesACaseTheyInvestigate() {
    User dual = identityService.newUser("jinan-dual");
    dual.setFirstName("双");
    dual.setLastName("重");
    dual.setPassword("demo");
    identityService.saveUser(dual);
    identityService.createMembership(dual.getId(), "jinan-investigator");
    identityService.createMembership(dual.getId(), "jinan-supervision-head");
    try {
      String own = intake("jinan", "济南市分离区市场监督管理局");
      // the check, completed over engine REST without claiming it
      HttpResponse<String> checked = new EngineRest(port).postJson("/engine-rest/task/"
          + task(own, "PreliminaryCheck").getId() + "/complete", dual.getId(),
          "{\"variables\": {\"checkOutcome\": {\"value\": \"FILE\"}}}");
      assertThat(checked.statusCode()).as(checked.body()).isEqualTo(204);
      refusedAsOwnCase(dual.getId(), own, "ApproveFiling", vars("filingDecision", "APPROVE"));
      driver.complete(own, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));
      // the investigation, claimed: they ask for an extension and cannot grant it themselves
      completeAs(dual.getId(), own, "Investigate", true, vars("investigationOutcome", "REQUEST_EXTENSION",
          "extension", 10, "reason", "需要调取外地证据"));
      refusedAsOwnCase(dual.getId(), own, "ApproveExtension", vars("approval", "APPROVE", "extension", 10,
          "reason", "同意"));
      driver.complete(own, "ApproveExtension", "supervision-head", vars("approval", "RETURN", "reason", "不必延长"));
      assertThat(driver.history(own)).contains("EXTENSION_REFUSED").doesNotContain("DEADLINE_EXTENDED");

      // another case: they approve its filing (they did not investigate it) ...
      String other = intake("jinan", "济南市分离二区市场监督管理局");
      driver.complete(other, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
      completeAs(dual.getId(), other, "ApproveFiling", true, vars("filingDecision", "APPROVE"));
      // ... until the investigation names them among its investigators
      driver.complete(other, "Investigate", "investigator", vars("investigationOutcome", "DONE",
          "investigators", json(List.of("jinan-investigator", dual.getId())), "facts", "事实", "evidence", "证据",
          "faultCategory", "FACTS_UNCLEAR", "scenario", "APPROVED_ACT_WRONG", "severity", "LIGHT",
          "partyFactors", json(Map.of())));
      driver.complete(other, "StatementAndDefence", "unit-liaison", vars("statement", "无异议"));
      Map<String, Object> liabilities = vars("manualLiabilities", json(Map.of("张三", "SECONDARY", "李四", "MAIN",
          "王五", "MAIN")), "reason", "审核、批准人未尽审查职责");
      refusedAsOwnCase(dual.getId(), other, "DetermineLiabilityManually", liabilities);
      driver.complete(other, "DetermineLiabilityManually", "supervision-head", liabilities);
      refusedAsOwnCase(dual.getId(), other, "Determine", Map.of());
      driver.complete(other, "Determine", "supervision-head", Map.of());
      assertThat(driver.openTasks(other)).containsExactly("GovernmentApproval");
    } finally {
      identityService.deleteUser(dual.getId());
    }
  }

  @Test
  void anInvestigatorWhoIsAPartyOfTheCaseIsRefusedAndARecusalRequestGoesToTheHead() {
    User zhang = identityService.newUser("jinan-investigator-zhangsan");
    zhang.setFirstName("三");
    zhang.setLastName("张");
    zhang.setPassword("demo");
    identityService.saveUser(zhang);
    identityService.createMembership(zhang.getId(), "jinan-investigator");
    try {
      String key = intake("jinan", "济南市回避区市场监督管理局");
      driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
      driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));
      for (Object investigators : List.of(json(List.of("jinan-investigator", zhang.getId())),
          "jinan-investigator,张三")) {
        assertThatThrownBy(() -> driver.complete(key, "Investigate", "investigator", vars("investigationOutcome",
            "DONE", "investigators", investigators, "facts", "事实", "evidence", "证据", "faultCategory",
            "FACTS_UNCLEAR", "partyFactors", json(Map.of()))))
            .isInstanceOf(InvalidInputException.class).hasMessageContaining("是本案当事人，应当回避")
            .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(f -> f.field())
                .containsOnly("investigators"));
        assertThat(driver.openTasks(key)).containsExactly("Investigate");
      }
      assertThat(driver.history(key)).doesNotContain("INVESTIGATED");

      // a respondent asks that an investigator recuse: the head decides, an investigator cannot
      driver.as("jinan-unit-liaison", () -> recusals.request(key,
          Map.of("investigator", "jinan-investigator-2", "grounds", "与被调查人员系同学")));
      cannotAct("jinan-investigator", key, "DecideRecusal");
      // the replacement cannot be a party either
      assertThatThrownBy(() -> driver.complete(key, "DecideRecusal", "supervision-head", vars("recusalGranted", true,
          "replacementInvestigator", zhang.getId(), "reason", "存在利害关系")))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("应当回避");
      driver.complete(key, "DecideRecusal", "supervision-head", vars("recusalGranted", true,
          "replacementInvestigator", "jinan-investigator", "reason", "存在利害关系"));
      assertThat(driver.history(key)).contains("RECUSAL");
    } finally {
      identityService.deleteUser(zhang.getId());
    }
  }
}
