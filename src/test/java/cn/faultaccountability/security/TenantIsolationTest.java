package cn.faultaccountability.security;

import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.platform.Jurisdiction;
import cn.faultaccountability.platform.StaffRole;
import cn.faultaccountability.testsupport.CaseDriver;
import cn.faultaccountability.testsupport.EngineRest;
import cn.faultaccountability.testsupport.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 8.1: a real Jinan case (tasks, variables, history, decision instances, an attachment) is invisible and
 * untouchable for every Jilin role on every surface — engine REST and our /api — and each refused attempt writes
 * nothing. Each probe is first made by a Jinan user who may see the thing, so a probe that cannot reach anything at all
 * would fail here rather than pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:security-tenant-isolation;DB_CLOSE_DELAY=-1")
class TenantIsolationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static String jinanKey;
  private static String jilinKey;

  @LocalServerPort int port;
  @Autowired CaseDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  EngineRest rest;

  @BeforeEach
  void cases() throws Exception {
    rest = new EngineRest(port);
    if (jinanKey != null) {
      return;
    }
    String jinan = intake("jinan");
    String jilin = intake("jilin");
    for (String key : List.of(jinan, jilin)) {
      driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
      driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));
    }
    String task = investigateTask(jinan).getId();
    String pi = driver.instance(jinan).getId();
    driver.as("jinan-investigator", () -> taskService.createAttachment("text/plain", task, pi, "询问笔录.txt", "证据",
        new ByteArrayInputStream("笔录".getBytes(StandardCharsets.UTF_8))));
    jinanKey = jinan;
    jilinKey = jilin;
  }

  private String intake(String tenant) throws Exception {
    Map<String, Object> lead = driver.lead(tenant, tenant + "某区市场监督管理局", Map.of());
    HttpResponse<String> response = rest.postJson("/api/cases", tenant + "-intake-clerk",
        JSON.writeValueAsString(lead));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).get("businessKey").asText();
  }

  private Task investigateTask(String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Investigate")
        .singleResult();
  }

  private static List<String> jilinUsers() {
    List<String> users = new java.util.ArrayList<>();
    for (StaffRole role : StaffRole.values()) {
      users.add(role.groupId(Jurisdiction.JILIN));
    }
    users.add("jilin-investigator-2");
    return users;
  }

  @Test
  void engineRestShowsAJilinUserNothingOfTheJinanCaseAndLetsThemDoNothingToIt() throws Exception {
    String pi = driver.instance(jinanKey).getId();
    Task task = investigateTask(jinanKey);
    String attachment = taskService.getTaskAttachments(task.getId()).get(0).getId();
    long variables = runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi).count();
    long historicDetails = historyService.createHistoricDetailQuery().processInstanceId(pi).count();
    Map<String, Integer> rows = SecurityFixture.rowCounts(jdbc);

    List<String> lists = List.of(
        "/engine-rest/task?processInstanceBusinessKey=" + jinanKey,
        "/engine-rest/task?tenantIdIn=jinan",
        "/engine-rest/process-instance?businessKey=" + jinanKey,
        "/engine-rest/process-instance?tenantIdIn=jinan",
        "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
        "/engine-rest/execution?processInstanceId=" + pi,
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + jinanKey,
        "/engine-rest/history/activity-instance?processInstanceId=" + pi,
        "/engine-rest/history/task?processInstanceId=" + pi,
        "/engine-rest/history/variable-instance?processInstanceId=" + pi,
        "/engine-rest/history/detail?processInstanceId=" + pi,
        "/engine-rest/history/decision-instance?tenantIdIn=jinan",
        "/engine-rest/history/decision-instance?processInstanceId=" + pi,
        "/engine-rest/decision-definition?tenantIdIn=jinan",
        "/engine-rest/deployment?tenantIdIn=jinan",
        "/engine-rest/incident?processInstanceId=" + pi,
        "/engine-rest/job?processInstanceId=" + pi);
    // the probes reach the case for the Jinan manager (who reads everything of the tenant) or a Jinan investigator
    assertThat(rest.get(lists.get(0), "jinan-investigator").body()).contains(task.getId());
    assertThat(rest.get("/engine-rest/history/decision-instance?tenantIdIn=jinan", "jinan-manager").body())
        .contains("\"tenantId\":\"jinan\"");
    assertThat(rest.get("/engine-rest/history/variable-instance?processInstanceId=" + pi, "jinan-manager").body())
        .contains(jinanKey.substring(0, 5));
    assertThat(rest.get("/engine-rest/task/" + task.getId() + "/variables", "jinan-investigator").statusCode())
        .isEqualTo(200);

    List<String> byId = List.of(
        "/engine-rest/task/" + task.getId(),
        "/engine-rest/task/" + task.getId() + "/variables",
        "/engine-rest/task/" + task.getId() + "/form-variables",
        "/engine-rest/task/" + task.getId() + "/attachment",
        "/engine-rest/task/" + task.getId() + "/attachment/" + attachment + "/data",
        "/engine-rest/task/" + task.getId() + "/attachment/" + attachment,
        "/engine-rest/task/" + task.getId() + "/comment",
        "/engine-rest/task/" + task.getId() + "/identity-links",
        "/engine-rest/task/" + task.getId() + "/deployed-form",
        "/engine-rest/process-instance/" + pi,
        "/engine-rest/process-instance/" + pi + "/variables",
        "/engine-rest/process-instance/" + pi + "/activity-instances",
        "/engine-rest/history/process-instance/" + pi,
        "/engine-rest/decision-definition/key/statutory-deadlines/tenant-id/jinan",
        "/engine-rest/decision-definition/key/statutory-deadlines/tenant-id/jinan/xml");
    for (String user : jilinUsers()) {
      for (String path : lists) {
        HttpResponse<String> r = rest.get(path, user);
        assertThat(r.statusCode()).as(user + " " + path).isEqualTo(200);
        assertThat(JSON.readTree(r.body())).as(user + " " + path + " " + r.body()).isEmpty();
      }
      for (String path : byId) {
        HttpResponse<String> r = rest.get(path, user);
        assertThat(r.statusCode()).as(user + " " + path + " " + r.body()).isBetween(400, 499);
        assertThat(r.body()).as(user + " " + path).doesNotContain(jinanKey, "某区市场监督管理局", "笔录");
      }
      for (String[] post : new String[][] {
          {"/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"" + user + "\"}"},
          {"/engine-rest/task/" + task.getId() + "/assignee", "{\"userId\": \"" + user + "\"}"},
          {"/engine-rest/task/" + task.getId() + "/complete", "{\"variables\": {}}"},
          {"/engine-rest/task/" + task.getId() + "/submit-form", "{\"variables\": {}}"},
          {"/engine-rest/task/" + task.getId() + "/variables/facts", "{\"value\": \"改写\", \"type\": \"String\"}"},
          {"/engine-rest/task/" + task.getId() + "/localVariables/x", "{\"value\": \"x\", \"type\": \"String\"}"},
          {"/engine-rest/task/" + task.getId() + "/comment/create", "{\"message\": \"x\"}"},
          {"/engine-rest/task/" + task.getId() + "/identity-links",
              "{\"groupId\": \"jilin-investigator\", \"type\": \"candidate\"}"},
          {"/engine-rest/process-instance/" + pi + "/variables",
              "{\"modifications\": {\"x\": {\"value\": \"x\", \"type\": \"String\"}}}"},
          {"/engine-rest/process-instance/" + pi + "/suspended", "{\"suspended\": true}"},
          {"/engine-rest/process-instance/" + pi + "/modification",
              "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Investigate\"}]}"},
          {"/engine-rest/message", "{\"messageName\": \"RecusalRequest\", \"businessKey\": \"" + jinanKey
              + "\", \"processVariables\": {\"recusedInvestigator\": {\"value\": \"jinan-investigator\"}}}"},
          {"/engine-rest/decision-definition/key/statutory-deadlines/tenant-id/jinan/evaluate",
              "{\"variables\": {\"stage\": {\"value\": \"PRELIMINARY_CHECK\"}}}"},
          {"/engine-rest/process-definition/key/fault-accountability/start",
              "{\"businessKey\": \"X\", \"variables\": {\"tenantId\": {\"value\": \"jinan\"}}}"}}) {
        HttpResponse<String> r = rest.send(rest.request(post[0], user).header("Content-Type", "application/json")
            .method(post[0].endsWith("/suspended") || post[0].contains("/variables/") || post[0].contains("/localVariables/")
                ? "PUT" : "POST", HttpRequest.BodyPublishers.ofString(post[1])).build());
        assertThat(r.statusCode()).as(user + " " + post[0] + " " + r.body()).isBetween(400, 499);
      }
      HttpResponse<String> delete = rest.send(rest.request("/engine-rest/process-instance/" + pi, user).DELETE()
          .build());
      assertThat(delete.statusCode()).as(user + " delete " + delete.body()).isBetween(400, 499);
      HttpResponse<String> deleteAttachment = rest.send(rest.request("/engine-rest/task/" + task.getId()
          + "/attachment/" + attachment, user).DELETE().build());
      assertThat(deleteAttachment.statusCode()).as(user + " delete attachment").isBetween(400, 499);
    }

    Task after = investigateTask(jinanKey);
    assertThat(after).isNotNull();
    assertThat(after.getAssignee()).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().isSuspended()).isFalse();
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi).count()).isEqualTo(variables);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi).count()).isEqualTo(historicDetails);
    assertThat(taskService.getIdentityLinksForTask(after.getId())).extracting(l -> l.getGroupId())
        .doesNotContain("jilin-investigator");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("X").count()).isZero();
    assertThat(taskService.getTaskAttachments(after.getId())).hasSize(1);
    assertThat(taskService.getTaskComments(after.getId())).isEmpty();
    // the owner's side still reaches the attachment over engine REST: the guard is not a blanket refusal
    assertThat(rest.get("/engine-rest/task/" + task.getId() + "/attachment/" + attachment + "/data",
        "jinan-investigator").body()).isEqualTo("笔录");
    assertThat(SecurityFixture.rowCounts(jdbc)).isEqualTo(rows);
  }

  /**
   * The webapps' own engine API ({@code /camunda/api/engine/...}, what Tasklist calls with its login session) is another
   * Jersey application than {@code /engine-rest}: its task attachment and comment endpoints are probed the same way.
   */
  @Test
  void theWebappsOwnApiShowsAJilinUserNothingOfTheJinanTaskAndWritesNothing() throws Exception {
    String pi = driver.instance(jinanKey).getId();
    Task task = investigateTask(jinanKey);
    String attachment = taskService.getTaskAttachments(task.getId()).get(0).getId();
    long variables = runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi).count();
    Map<String, Integer> rows = SecurityFixture.rowCounts(jdbc);
    String api = "/camunda/api/engine/engine/default";
    String t = api + "/task/" + task.getId();

    // the Jinan investigator reaches the task's evidence through the same API: the probes can reach things
    WebappSession owner = WebappSession.login(port, "jinan-investigator");
    assertThat(owner.get(t + "/attachment/" + attachment).body()).contains("询问笔录.txt");
    assertThat(owner.get(t + "/attachment/" + attachment + "/data").body()).isEqualTo("笔录");

    List<String> gets = List.of(t, t + "/attachment", t + "/attachment/" + attachment,
        t + "/attachment/" + attachment + "/data", t + "/comment", t + "/variables", t + "/form-variables",
        t + "/identity-links", t + "/form", t + "/deployed-form", api + "/process-instance/" + pi + "/variables",
        api + "/history/task?taskId=" + task.getId(), api + "/task?processInstanceBusinessKey=" + jinanKey);
    String boundary = "----webapp";
    String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n恶意.txt\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"x.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nx\r\n--" + boundary + "--\r\n";
    for (String user : jilinUsers()) {
      WebappSession session = WebappSession.login(port, user);
      for (String path : gets) {
        HttpResponse<String> r = session.get(path);
        if (path.contains("?")) {
          assertThat(r.statusCode()).as(user + " " + path + " " + r.body()).isEqualTo(200);
          assertThat(JSON.readTree(r.body())).as(user + " " + path).isEmpty();
        } else {
          assertThat(r.statusCode()).as(user + " " + path + " " + r.body()).isBetween(400, 499);
        }
        assertThat(r.body()).as(user + " " + path).doesNotContain(jinanKey, "某区市场监督管理局", "笔录");
      }
      for (String[] post : new String[][] {
          {t + "/comment/create", "application/json", "{\"message\": \"<script>alert(1)</script>\"}"},
          {t + "/attachment/create", "multipart/form-data; boundary=" + boundary, upload},
          {t + "/claim", "application/json", "{\"userId\": \"" + user + "\"}"},
          {t + "/complete", "application/json", "{\"variables\": {}}"},
          {t + "/submit-form", "application/json", "{\"variables\": {}}"},
          {t + "/variables", "application/json", "{\"modifications\": {\"facts\": {\"value\": \"改写\"}}}"},
          {t + "/identity-links", "application/json", "{\"groupId\": \"jilin-investigator\", \"type\": \"candidate\"}"}}) {
        HttpResponse<String> r = session.send(session.request(post[0]).header("Content-Type", post[1])
            .POST(HttpRequest.BodyPublishers.ofString(post[2], StandardCharsets.UTF_8)).build());
        assertThat(r.statusCode()).as(user + " POST " + post[0] + " " + r.body()).isBetween(400, 499);
      }
      HttpResponse<String> delete = session.send(session.request(t + "/attachment/" + attachment).DELETE().build());
      assertThat(delete.statusCode()).as(user + " delete attachment " + delete.body()).isBetween(400, 499);
    }
    Task after = investigateTask(jinanKey);
    assertThat(after.getAssignee()).isNull();
    assertThat(taskService.getTaskAttachments(after.getId())).extracting(a -> a.getId()).containsExactly(attachment);
    assertThat(taskService.getTaskComments(after.getId())).isEmpty();
    assertThat(taskService.getIdentityLinksForTask(after.getId())).extracting(l -> l.getGroupId())
        .doesNotContain("jilin-investigator");
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi).count()).isEqualTo(variables);
    assertThat(SecurityFixture.rowCounts(jdbc)).isEqualTo(rows);
  }

  @Test
  void ourApiAnswersAJilinUserAsIfTheJinanCaseDidNotExistAndWritesNothing() throws Exception {
    Task task = investigateTask(jinanKey);
    String attachment = taskService.getTaskAttachments(task.getId()).get(0).getId();
    Map<String, Integer> rows = SecurityFixture.rowCounts(jdbc);
    long instances = runtimeService.createProcessInstanceQuery().count();
    String base = "/api/cases/" + jinanKey;
    // the Jinan side sees each of them
    assertThat(rest.get(base, "jinan-manager").statusCode()).isEqualTo(200);
    assertThat(rest.get(base + "/attachments", "jinan-investigator").body()).contains("询问笔录.txt");
    assertThat(rest.get("/api/stats/overview?tenant=jinan", "jinan-manager").statusCode()).isEqualTo(200);
    assertThat(rest.get("/api/audit/deployments?tenant=jinan", "jinan-manager").statusCode()).isEqualTo(200);

    List<String> gets = List.of(base, base + "/attachments", base + "/attachments/" + attachment,
        base + "/documents", base + "/documents/1", base + "/attachments/upload?task=" + task.getId());
    List<String> stats = List.of("/api/stats/overview?tenant=jinan", "/api/stats/open-cases?tenant=jinan",
        "/api/stats/deadlines?tenant=jinan", "/api/stats/monthly?tenant=jinan", "/api/stats/measures?tenant=jinan",
        "/api/stats/durations?tenant=jinan", "/api/stats/exemptions?tenant=jinan", "/api/stats/reviews?tenant=jinan",
        "/api/calendar/due-date?tenant=jinan&stage=PRELIMINARY_CHECK&from=2026-06-01",
        "/api/audit/deployments?tenant=jinan");
    for (String user : jilinUsers()) {
      for (String path : gets) {
        HttpResponse<String> r = rest.get(path, user);
        if (path.contains("/attachments/upload")) {
          // the upload page is a static form; what it posts is checked below
          assertThat(r.body()).as(user + " " + path).doesNotContain("某区市场监督管理局", "询问笔录");
          continue;
        }
        assertThat(r.statusCode()).as(user + " " + path + " " + r.body()).isEqualTo(404);
        assertThat(r.body()).as(user + " " + path).doesNotContain("某区市场监督管理局", "询问笔录");
      }
      for (String path : stats) {
        HttpResponse<String> r = rest.get(path, user);
        assertThat(r.statusCode()).as(user + " " + path + " " + r.body()).isEqualTo(403);
        assertThat(JSON.readTree(r.body()).get("errors").get(0).get("field").asText()).isEqualTo("tenant");
      }
      HttpResponse<String> review = rest.postJson(base + "/review-applications", user,
          "{\"applicant\": \"张三\", \"grounds\": \"不服\"}");
      assertThat(review.statusCode()).as(user + " review " + review.body()).isEqualTo(404);
      HttpResponse<String> recusal = rest.postJson(base + "/recusal-requests", user,
          "{\"investigator\": \"jinan-investigator\", \"grounds\": \"利害关系\"}");
      assertThat(recusal.statusCode()).as(user + " recusal " + recusal.body()).isEqualTo(404);
      String boundary = "----isolation";
      String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n"
          + "Content-Type: text/plain\r\n\r\nx\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"taskId\""
          + "\r\n\r\n" + task.getId() + "\r\n--" + boundary + "--\r\n";
      HttpResponse<String> upload = rest.send(rest.request(base + "/attachments", user)
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(multipart)).build());
      assertThat(upload.statusCode()).as(user + " upload " + upload.body()).isIn(403, 404);
      // and their own dashboard does not count the Jinan case
      JsonNode own = JSON.readTree(rest.get("/api/stats/open-cases", user).body());
      assertThat(own.toString()).doesNotContain("jinan");
    }
    // their own case is there for them: the 404 above is not a broken probe
    assertThat(rest.get("/api/cases/" + jilinKey, "jilin-manager").statusCode()).isEqualTo(200);
    assertThat(taskService.getTaskAttachments(task.getId())).hasSize(1);
    assertThat(SecurityFixture.rowCounts(jdbc)).isEqualTo(rows);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }
}
