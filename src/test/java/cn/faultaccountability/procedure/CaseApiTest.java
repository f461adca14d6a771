package cn.faultaccountability.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.testsupport.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The case API over HTTP: intake answers with the business key and the case starts in the lead's jurisdiction; bad
 * input gets a 4xx JSON naming the field and leaves no case row and no process instance; users see only their own
 * jurisdiction's cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:case-api-test;DB_CLOSE_DELAY=-1")
class CaseApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  EngineRest rest;

  @BeforeEach
  void client() {
    rest = new EngineRest(port);
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  private Map<String, Object> lead() {
    Map<String, Object> lead = new HashMap<>();
    lead.put("tenant", "jinan");
    lead.put("source", "COURT_JUDGMENT");
    lead.put("actDescription", "行政处罚决定被人民法院判决撤销");
    lead.put("unitName", "济南市丑区应急管理局");
    lead.put("faultEndedOn", "2025-12-01");
    lead.put("discoveredOn", "2026-01-15");
    lead.put("parties", List.of(Map.of("type", "UNIT", "name", "济南市丑区应急管理局"),
        Map.of("type", "PERSON", "name", "赵六", "role", "HANDLER", "unitName", "济南市丑区应急管理局")));
    return lead;
  }

  private JsonNode post(String path, String user, Object body, int expectedStatus) throws Exception {
    var response = rest.postJson(path, user, body instanceof String s ? s : JSON.writeValueAsString(body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }

  @Test
  void intakeStartsTheCaseInItsJurisdictionAndTheCaseViewShowsIt() throws Exception {
    JsonNode created = post("/api/cases", "jinan-intake-clerk", lead(), 201);
    String key = created.get("businessKey").asText();
    assertThat(key).matches("JINAN-\\d{4}-\\d{5}");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult()
        .getTenantId()).isEqualTo("jinan");
    JsonNode view = JSON.readTree(rest.get("/api/cases/" + key, "jinan-manager").body());
    assertThat(view.get("stageName").asText()).isEqualTo("核查与立案");
    assertThat(view.get("openTasks").get(0).get("name").asText()).isEqualTo("核查");
    assertThat(view.get("deadlines").get(0).get("colour").asText()).isIn("GREEN", "YELLOW");
    assertThat(view.get("parties")).hasSize(2);
    // another jurisdiction's staff: as if it did not exist
    assertThat(rest.get("/api/cases/" + key, "jilin-manager").statusCode()).isEqualTo(404);
    // and they cannot take in a lead for a jurisdiction that is not theirs
    JsonNode refused = post("/api/cases", "jilin-intake-clerk", lead(), 400);
    assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("tenant");
  }

  @Test
  void badLeadsAreRefusedNamingTheFieldAndLeaveNothingBehind() throws Exception {
    int cases = count("fa_case");
    long instances = runtimeService.createProcessInstanceQuery().count();
    Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
    bad.put("tenant", with("tenant", "shanghai"));
    bad.put("source", with("source", "RUMOUR"));
    bad.put("parties", with("parties", List.of()));
    bad.put("parties[0].role", with("parties", List.of(Map.of("type", "PERSON", "name", "赵六", "role", "BOSS"))));
    bad.put("faultEndedOn", with("faultEndedOn", "2026-02-01"));
    bad.put("discoveredOn", with("discoveredOn", "2999-01-01"));
    bad.put("actDescription", with("actDescription", "很长".repeat(3000)));
    for (Map.Entry<String, Map<String, Object>> c : bad.entrySet()) {
      JsonNode error = post("/api/cases", "jinan-intake-clerk", c.getValue(), 400);
      assertThat(error.get("errors").findValuesAsText("field")).as(c.getKey()).contains(c.getKey());
      assertThat(error.get("message").asText()).as(c.getKey()).isNotBlank();
    }
    JsonNode malformed = post("/api/cases", "jinan-intake-clerk", "{\"tenant\": \"jinan\", ", 400);
    assertThat(malformed.get("error").asText()).isEqualTo("malformed_json");
    assertThat(count("fa_case")).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(rest.postJson("/api/cases", null, "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void reviewApplicationBeforeTheDecisionIsServedIsAConflictAndBadFieldsAreNamed() throws Exception {
    String key = post("/api/cases", "jinan-intake-clerk", lead(), 201).get("businessKey").asText();
    JsonNode conflict = post("/api/cases/" + key + "/review-applications", "jinan-intake-clerk",
        Map.of("applicant", "赵六", "grounds", "不服"), 409);
    assertThat(conflict.get("message").asText()).contains("尚未送达");
    JsonNode invalid = post("/api/cases/" + key + "/review-applications", "jinan-intake-clerk",
        Map.of("applicant", "钱七", "grounds", ""), 400);
    assertThat(invalid.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("applicant", "grounds");
    assertThat(post("/api/cases/" + key + "/review-applications", "jilin-intake-clerk",
        Map.of("applicant", "赵六", "grounds", "不服"), 404).get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void aLeadStartedThroughTheEngineWithBadPartiesLeavesNeitherCaseNorInstance() {
    int cases = count("fa_case");
    long instances = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> variables = lead();
    variables.put("tenantId", "jinan");
    variables.put("parties", cn.faultaccountability.cases.JsonVariables.json(List.of(Map.of("type", "PERSON"))));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService
            .createProcessInstanceByKey("fault-accountability").processDefinitionWithoutTenantId()
            .setVariables(variables).execute())
        .hasMessageContaining("parties[0].name");
    assertThat(count("fa_case")).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  private Map<String, Object> with(String field, Object value) {
    Map<String, Object> lead = lead();
    lead.put(field, value);
    return lead;
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }
}
