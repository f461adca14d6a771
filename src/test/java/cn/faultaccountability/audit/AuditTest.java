package cn.faultaccountability.audit;

import static cn.faultaccountability.testsupport.CaseDriver.json;
import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.decisions.DecisionTablesCommand;
import cn.faultaccountability.investigation.RecusalRequestController;
import cn.faultaccountability.platform.StartupDeployment;
import cn.faultaccountability.testsupport.CaseDriver;
import cn.faultaccountability.testsupport.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 8.3: every decision, departure from a proposal, extension, recusal and redeployment of a decision table is
 * recorded with who and when, and shown in the case view; the deployment audit is open to a tenant's administrators,
 * decision administrators and managers only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:audit-test;DB_CLOSE_DELAY=-1")
class AuditTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired CaseDriver driver;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired RecusalRequestController recusals;

  @AfterEach
  void clock() {
    driver.resetClock();
  }

  /** The tenant's shipped table with another versionTag, deployed over engine REST as Camunda Modeler does. */
  private HttpResponse<String> revise(String user, String tenant, String tag) throws Exception {
    String original = Files.readString(Path.of("decisions", tenant, "statutory-deadlines.dmn"),
        StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("camunda:versionTag=\"([^\"]+)\"").matcher(original);
    assertThat(m.find()).isTrue();
    String revised = original.replace(m.group(0), "camunda:versionTag=\"" + tag + "\"");
    String boundary = "----audit" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    Map<String, String> fields = Map.of("deployment-name", "statutory-deadlines", "tenant-id", tenant,
        "deployment-source", "Camunda Modeler");
    fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value)
        .append("\r\n"));
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"data\"; "
        + "filename=\"statutory-deadlines.dmn\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(revised)
        .append("\r\n--").append(boundary).append("--\r\n");
    EngineRest rest = new EngineRest(port);
    return rest.send(rest.request("/engine-rest/deployment/create", user)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
  }

  private List<Map<String, Object>> auditRows(String key, String tenant) {
    return jdbc.queryForList("select * from fa_decision_deployment where decision_key = ? and tenant_id = ? "
        + "order by decision_version", key, tenant);
  }

  @Test
  void theStartUpDeploymentIsRecordedAsTheSystemForEveryTable() {
    for (DecisionDefinition table : repositoryService.createDecisionDefinitionQuery().decisionDefinitionVersion(1)
        .list()) {
      Map<String, Object> row = jdbc.queryForMap("select * from fa_decision_deployment "
          + "where decision_definition_id = ?", table.getId());
      assertThat(row.get("deployed_by")).as(table.getKey() + "@" + table.getTenantId()).isEqualTo("system");
      assertThat(row.get("deployment_name")).isEqualTo("decisions-" + table.getTenantId());
      assertThat(row.get("deployment_source")).isEqualTo(StartupDeployment.SOURCE);
      assertThat(row.get("tenant_id")).isEqualTo(table.getTenantId());
      assertThat(row.get("version_tag")).isEqualTo(table.getVersionTag());
      assertThat(row.get("deployed_at")).isNotNull();
      assertThat((String) row.get("resource_sha256")).hasSize(64);
    }
    assertThat(repositoryService.createDecisionDefinitionQuery().tenantIdIn("jinan").decisionDefinitionVersion(1)
        .count()).isEqualTo(5);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRedeploymentOverRestIsRecordedWithItsUserAndTheCaseShowsWhoDeployedEachVersionItUsed() throws Exception {
    driver.today(LocalDate.of(2026, 9, 1));
    String key = driver.intake(driver.lead("changzhou", "常州市部署区城市管理局", Map.of()));
    int before = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("statutory-deadlines")
        .tenantIdIn("changzhou").latestVersion().singleResult().getVersion();

    HttpResponse<String> deployed = revise("changzhou-decision-admin", "changzhou", "changzhou-rev-audit");
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    String deploymentId = JSON.readTree(deployed.body()).get("id").asText();
    Map<String, Object> row = auditRows("statutory-deadlines", "changzhou").stream()
        .filter(r -> deploymentId.equals(r.get("deployment_id"))).findFirst().orElseThrow();
    assertThat(row).containsEntry("deployed_by", "changzhou-decision-admin")
        .containsEntry("decision_version", before + 1).containsEntry("version_tag", "changzhou-rev-audit")
        .containsEntry("deployment_name", "statutory-deadlines").containsEntry("deployment_source", "Camunda Modeler");
    assertThat(row.get("same_content_as_version")).isNull();

    // nobody else deploys Changzhou's tables in this test class: the version the case used first is the shipped one
    assertThat(before).isEqualTo(1);
    // the case evaluated the table before the redeployment (the check) and after it (the investigation's deadline)
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));
    List<Map<String, Object>> used = ((List<Map<String, Object>>) driver.view(key).get("decisionsUsed")).stream()
        .filter(u -> "statutory-deadlines".equals(u.get("decision_key"))).toList();
    Map<String, Object> first = used.stream().filter(u -> "StartPreliminaryCheckDeadline".equals(u.get("activity_id")))
        .findFirst().orElseThrow();
    Map<String, Object> later = used.stream().filter(u -> "StartDecisionDeadline".equals(u.get("activity_id")))
        .findFirst().orElseThrow();
    assertThat(first).containsEntry("decision_version", before).containsEntry("deployedBy", "system")
        .containsEntry("deploymentName", "decisions-changzhou");
    assertThat(later).containsEntry("decision_version", before + 1).containsEntry("deployedBy", "changzhou-decision-admin")
        .containsEntry("deploymentId", deploymentId).containsEntry("version_tag", "changzhou-rev-audit");
    assertThat(later.get("deployedAt")).isNotNull();
    // and over HTTP, as the case view's JSON
    JsonNode view = JSON.readTree(new EngineRest(port).get("/api/cases/" + key, "changzhou-manager").body());
    assertThat(view.get("decisionsUsed").findValuesAsText("deployedBy")).contains("system", "changzhou-decision-admin");
  }

  @Test
  void aRollbackByTheDecisionsCommandIsRecordedWithItsUserAndTheVersionWhoseContentItRestores() throws Exception {
    assertThat(revise("jinan-decision-admin", "jinan", "jinan-2024-rollback-" + UUID.randomUUID().toString()
        .substring(0, 6)).statusCode()).isEqualTo(200);
    List<Map<String, Object>> rows = auditRows("statutory-deadlines", "jinan");
    int previous = (Integer) rows.get(rows.size() - 2).get("decision_version");
    int latest = (Integer) rows.get(rows.size() - 1).get("decision_version");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new DecisionTablesCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).execute(new String[] {"rollback",
            "--tenant", "jinan", "--key", "statutory-deadlines", "--url", "http://localhost:" + port + "/engine-rest",
            "--user", "jinan-decision-admin", "--password", "demo"});
    assertThat(exit).as(out + " " + err).isZero();
    Map<String, Object> rollback = auditRows("statutory-deadlines", "jinan").get(rows.size());
    assertThat(rollback).containsEntry("decision_version", latest + 1)
        .containsEntry("deployed_by", "jinan-decision-admin")
        .containsEntry("deployment_source", DecisionTablesCommand.SOURCE)
        .containsEntry("deployment_name", DecisionTablesCommand.deploymentName("jinan"))
        .containsEntry("same_content_as_version", previous);
  }

  @Test
  void aDeploymentThatDoesNotHappenLeavesNoAuditRow() throws Exception {
    int rows = jdbc.queryForObject("select count(*) from fa_decision_deployment", Integer.class);
    // refused: a Jilin decision administrator cannot deploy into Jinan
    assertThat(revise("jilin-decision-admin", "jinan", "foreign").statusCode()).isEqualTo(403);
    // rolled back with the transaction it ran in: the row is part of the deployment's transaction
    transactions.executeWithoutResult(status -> {
      repositoryService.createDeployment().name("rolled-back").tenantId("jinan")
          .addClasspathResource("fixtures/isolation-probe.dmn").deploy();
      assertThat(jdbc.queryForObject("select count(*) from fa_decision_deployment", Integer.class))
          .isEqualTo(rows + 1);
      status.setRollbackOnly();
    });
    assertThat(repositoryService.createDeploymentQuery().deploymentName("rolled-back").count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from fa_decision_deployment", Integer.class)).isEqualTo(rows);
  }

  @Test
  void theDeploymentAuditIsForAdministratorsAndATenantsDecisionAdministratorsAndManagersOnly() throws Exception {
    String tag = "jinan-2024-visible-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(revise("jinan-decision-admin", "jinan", tag).statusCode()).isEqualTo(200);
    EngineRest rest = new EngineRest(port);
    for (String user : List.of("jinan-decision-admin", "jinan-manager", "demo")) {
      HttpResponse<String> r = rest.get("/api/audit/deployments?tenant=jinan&key=statutory-deadlines", user);
      assertThat(r.statusCode()).as(user + " " + r.body()).isEqualTo(200);
      JsonNode deployments = JSON.readTree(r.body()).get("deployments");
      assertThat(deployments.get(0).get("deployedBy").asText()).isEqualTo("jinan-decision-admin");
      assertThat(deployments.get(0).get("decisions").get(0).get("versionTag").asText()).isEqualTo(tag);
      assertThat(deployments.findValuesAsText("tenantId")).containsOnly("jinan");
      assertThat(deployments.findValuesAsText("deployedBy")).contains("system");
    }
    // another tenant's decision administrator and manager: refused for Jinan, and their own audit holds no Jinan row
    for (String user : List.of("jilin-decision-admin", "jilin-manager")) {
      HttpResponse<String> refused = rest.get("/api/audit/deployments?tenant=jinan", user);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("field").asText()).isEqualTo("tenant");
      assertThat(refused.body()).doesNotContain(tag);
      HttpResponse<String> own = rest.get("/api/audit/deployments", user);
      assertThat(own.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(own.body());
      assertThat(body.get("tenants").toString()).isEqualTo("[\"jilin\"]");
      assertThat(body.get("deployments").findValuesAsText("tenantId")).isNotEmpty().containsOnly("jilin");
      assertThat(own.body()).doesNotContain(tag, "jinan");
    }
    // case workers of the tenant do not read the audit
    for (String user : List.of("jinan-investigator", "jinan-supervision-head", "jinan-intake-clerk")) {
      assertThat(rest.get("/api/audit/deployments", user).statusCode()).as(user).isEqualTo(403);
      assertThat(rest.get("/api/audit/deployments?tenant=jinan", user).statusCode()).as(user).isEqualTo(403);
    }
    // the administrator sees every tenant
    JsonNode all = JSON.readTree(rest.get("/api/audit/deployments?limit=1000", "demo").body());
    assertThat(all.get("deployments").findValuesAsText("tenantId")).contains("jinan", "jilin", "mingshan",
        "changzhou");
    assertThat(rest.get("/api/audit/deployments?limit=0", "demo").statusCode()).isEqualTo(400);
  }

  /** Each decision, departure, extension and recusal of a case: in the case view's history, with who and when. */
  @Test
  @SuppressWarnings("unchecked")
  void everyDecisionDepartureExtensionAndRecusalIsInTheCaseHistoryWithWhoAndWhen() {
    driver.today(LocalDate.of(2026, 9, 1));
    String key = driver.intake(driver.lead("jinan", "济南市审计区市场监督管理局", Map.of()));
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_EXTENSION",
        "extension", 10, "reason", "需要调取外地证据"));
    driver.complete(key, "ApproveExtension", "supervision-head", vars("approval", "RETURN", "reason", "证据可函调"));
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "REQUEST_EXTENSION",
        "extension", 10, "reason", "函调未复"));
    driver.complete(key, "ApproveExtension", "supervision-head", vars("approval", "APPROVE", "extension", 10,
        "reason", "同意延长"));
    driver.as("jinan-unit-liaison", () -> recusals.request(key,
        Map.of("investigator", "jinan-investigator-2", "grounds", "与被调查人员系同学")));
    driver.complete(key, "DecideRecusal", "supervision-head", vars("recusalGranted", true,
        "replacementInvestigator", "jinan-investigator", "reason", "存在利害关系"));
    driver.complete(key, "Investigate", "investigator", vars("investigationOutcome", "DONE",
        "investigators", json(List.of("jinan-investigator", "钱调查")), "facts", "事实", "evidence", "证据",
        "faultCategory", "FACTS_UNCLEAR", "scenario", "APPROVED_ACT_WRONG", "severity", "LIGHT",
        "partyFactors", json(Map.of())));
    driver.complete(key, "StatementAndDefence", "unit-liaison", vars("statement", "无异议"));
    if (driver.openTasks(key).contains("DetermineLiabilityManually")) {
      driver.complete(key, "DetermineLiabilityManually", "supervision-head", vars("manualLiabilities",
          json(Map.of("张三", "SECONDARY", "李四", "MAIN", "王五", "MAIN")), "reason", "审核、批准人未尽审查职责"));
    }
    Map<String, Object> removed = ((List<Map<String, Object>>) driver.view(key).get("parties")).stream()
        .flatMap(p -> ((List<Map<String, Object>>) p.get("proposedMeasures")).stream()
            .map(m -> Map.<String, Object>of("party", p.get("name"), "measure", m.get("measure"), "apply", false,
                "reason", "情节轻微，不予适用")))
        .findFirst().orElseThrow();
    driver.complete(key, "Determine", "supervision-head", vars("decidedMeasures", json(List.of(removed))));
    driver.complete(key, "GovernmentApproval", "government-approver", vars("approval", "APPROVE"));

    List<Map<String, Object>> history = (List<Map<String, Object>>) driver.view(key).get("history");
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("FILING_DECIDED", "jinan-supervision-head");
    expected.put("EXTENSION_REQUESTED", "jinan-investigator");
    expected.put("EXTENSION_REFUSED", "jinan-supervision-head");
    expected.put("DEADLINE_EXTENDED", "jinan-supervision-head");
    expected.put("RECUSAL_REQUESTED", "jinan-unit-liaison");
    expected.put("RECUSAL", "jinan-supervision-head");
    expected.put("INVESTIGATED", "jinan-investigator");
    expected.put("DETERMINED", "jinan-supervision-head");
    expected.put("GOVERNMENT_APPROVED", "jinan-government-approver");
    expected.put("DECISION_ISSUED", "jinan-government-approver");
    List<String> missing = new ArrayList<>();
    expected.forEach((type, actor) -> {
      List<Map<String, Object>> events = history.stream().filter(e -> type.equals(e.get("event_type"))).toList();
      if (events.isEmpty()) {
        missing.add(type);
      }
      assertThat(events).as(type).allSatisfy(e -> {
        assertThat(e.get("actor")).as(type).isEqualTo(actor);
        assertThat(e.get("occurred_at")).as(type).isNotNull();
      });
    });
    assertThat(missing).isEmpty();
    assertThat(history).filteredOn(e -> List.of("PROPOSAL_DEPARTED", "MANDATORY_MEASURE_REMOVED")
        .contains(e.get("event_type"))).singleElement().satisfies(e -> {
          assertThat(e.get("actor")).isEqualTo("jinan-supervision-head");
          assertThat((String) e.get("detail")).contains("情节轻微，不予适用");
        });
    assertThat(history).filteredOn(e -> "EXTENSION_REQUESTED".equals(e.get("event_type"))).hasSize(2)
        .allSatisfy(e -> assertThat((String) e.get("detail")).contains("10 日"));
  }
}
