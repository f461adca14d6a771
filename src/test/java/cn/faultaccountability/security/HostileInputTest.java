package cn.faultaccountability.security;

import static cn.faultaccountability.testsupport.CaseDriver.json;
import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.testsupport.CaseDriver;
import cn.faultaccountability.testsupport.EngineRest;
import cn.faultaccountability.testsupport.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.SoftAssertions;
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
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 8.4: malformed JSON, wrong types, unknown codes, 100 000-character strings, inverted and future dates and
 * script/HTML payloads at every operation of docs/openapi.yaml and at the main task forms: never a 5xx, nothing written
 * by a refused request, and a payload that is accepted as data is shown as text (dashboard script, decision document,
 * Tasklist case summary, upload page).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:security-hostile-input;DB_CLOSE_DELAY=-1")
class HostileInputTest {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";
  static final String HUGE = "长".repeat(100_000);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String investigating;
  private static String decided;

  @LocalServerPort int port;
  @Autowired CaseDriver driver;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  EngineRest rest;

  record Hostile(String method, String path, String contentType, String body) {
    static Hostile get(String path) {
      return new Hostile("GET", path, null, null);
    }

    static Hostile post(String path, String body) {
      return new Hostile("POST", path, "application/json", body);
    }
  }

  @BeforeEach
  void cases() {
    rest = new EngineRest(port);
    if (investigating != null) {
      return;
    }
    String first = driver.intake(driver.lead("jinan", "济南市敌意区市场监督管理局", Map.of()));
    driver.complete(first, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    driver.complete(first, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));
    // a case whose user text is markup: it is data, accepted, and must be shown as text everywhere
    String unit = "济南市" + IMG + "局";
    Map<String, Object> lead = driver.lead("jinan", unit, Map.of("actDescription", "处罚决定" + SCRIPT));
    String second = driver.intake(lead);
    driver.complete(second, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    driver.complete(second, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));
    driver.complete(second, "Investigate", "investigator", vars("investigationOutcome", "DONE",
        "investigators", json(List.of("jinan-investigator", "jinan-investigator-2")),
        "facts", "事实" + SCRIPT, "evidence", "证据" + IMG, "faultCategory", "FACTS_UNCLEAR",
        "scenario", "APPROVED_ACT_WRONG", "severity", "LIGHT", "partyFactors", json(Map.of())));
    driver.complete(second, "StatementAndDefence", "unit-liaison", vars("statement", SCRIPT));
    driver.complete(second, "DetermineLiabilityManually", "supervision-head", vars("manualLiabilities",
        json(Map.of("张三", "SECONDARY", "李四", "MAIN", "王五", "MAIN")), "reason", IMG));
    driver.complete(second, "Determine", "supervision-head", Map.of());
    driver.complete(second, "GovernmentApproval", "government-approver", vars("approval", "APPROVE"));
    investigating = first;
    decided = second;
  }

  /** Every operation of docs/openapi.yaml, as "METHOD path". */
  @SuppressWarnings("unchecked")
  static TreeSet<String> operations() throws Exception {
    Map<String, Object> api = new Yaml().load(Files.readString(Path.of("docs/openapi.yaml")));
    TreeSet<String> operations = new TreeSet<>();
    for (Map.Entry<String, Object> path : ((Map<String, Object>) api.get("paths")).entrySet()) {
      for (String method : ((Map<String, Object>) path.getValue()).keySet()) {
        if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
          operations.add(method.toUpperCase() + " " + path.getKey());
        }
      }
    }
    return operations;
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String str(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The hostile requests per operation; every operation of the OpenAPI description must have some. */
  Map<String, List<Hostile>> hostile() {
    Map<String, List<Hostile>> h = new LinkedHashMap<>();
    String c = "/api/cases/" + investigating;
    String d = "/api/cases/" + decided;
    List<String> badKeys = List.of(q(SCRIPT), q(IMG), "..%2F..%2Fetc%2Fpasswd", "JINAN-2026-" + "9".repeat(2000),
        "%00", q("' or 1=1 --"));
    h.put("GET /api/me", List.of(Hostile.get("/api/me?x=" + q(SCRIPT))));
    List<Hostile> intake = new ArrayList<>();
    String valid = "\"tenant\": \"jinan\", \"source\": \"COMPLAINT\", \"actDescription\": \"x\", \"unitName\": \"某局\","
        + " \"faultEndedOn\": \"2026-01-02\", \"discoveredOn\": \"2026-02-03\","
        + " \"parties\": [{\"type\": \"UNIT\", \"name\": \"某局\"}]";
    for (String body : List.of("{\"tenant\": \"jinan\", ", "", "null", "[]", "\"x\"", "42", "{]",
        "{" + valid.replace("\"tenant\": \"jinan\"", "\"tenant\": 42") + "}",
        "{" + valid.replace("\"tenant\": \"jinan\"", "\"tenant\": {\"$ne\": 1}") + "}",
        "{" + valid.replace("\"tenant\": \"jinan\"", "\"tenant\": [\"jinan\"]") + "}",
        "{" + valid.replace("\"source\": \"COMPLAINT\"", "\"source\": \"" + SCRIPT + "\"") + "}",
        "{" + valid.replace("\"actDescription\": \"x\"", "\"actDescription\": 12345") + "}",
        "{" + valid.replace("\"actDescription\": \"x\"", "\"actDescription\": " + str(HUGE)) + "}",
        "{" + valid.replace("\"unitName\": \"某局\"", "\"unitName\": " + str(HUGE)) + "}",
        "{" + valid.replace("\"unitName\": \"某局\"", "\"unitName\": [1, 2]") + "}",
        "{" + valid.replace("\"faultEndedOn\": \"2026-01-02\"", "\"faultEndedOn\": \"2026-02-30\"") + "}",
        "{" + valid.replace("\"faultEndedOn\": \"2026-01-02\"", "\"faultEndedOn\": 20260102") + "}",
        "{" + valid.replace("\"faultEndedOn\": \"2026-01-02\"", "\"faultEndedOn\": \"2026-05-01\"") + "}",
        "{" + valid.replace("\"discoveredOn\": \"2026-02-03\"", "\"discoveredOn\": \"+999999999-12-31\"") + "}",
        "{" + valid.replace("\"discoveredOn\": \"2026-02-03\"", "\"discoveredOn\": \"2999-01-01\"") + "}",
        "{" + valid.replace("\"discoveredOn\": \"2026-02-03\"", "\"discoveredOn\": {\"y\": 2026}") + "}",
        "{" + valid.replace("[{\"type\": \"UNIT\", \"name\": \"某局\"}]", "{\"type\": \"UNIT\"}") + "}",
        "{" + valid.replace("[{\"type\": \"UNIT\", \"name\": \"某局\"}]", "\"某局\"") + "}",
        "{" + valid.replace("[{\"type\": \"UNIT\", \"name\": \"某局\"}]", "[42, null, \"x\"]") + "}",
        "{" + valid.replace("[{\"type\": \"UNIT\", \"name\": \"某局\"}]",
            "[{\"type\": \"ALIEN\", \"name\": \"x\"}]") + "}",
        "{" + valid.replace("[{\"type\": \"UNIT\", \"name\": \"某局\"}]",
            "[{\"type\": \"PERSON\", \"name\": " + str(HUGE) + ", \"role\": \"HANDLER\"}]") + "}",
        "{" + valid + ", \"complainantContact\": {\"a\": 1}}",
        "{" + valid + ", \"parties\": " + "[".repeat(5000) + "]".repeat(5000) + "}")) {
      intake.add(Hostile.post("/api/cases", body));
    }
    h.put("POST /api/cases", intake);
    List<Hostile> view = new ArrayList<>();
    badKeys.forEach(k -> view.add(Hostile.get("/api/cases/" + k)));
    h.put("GET /api/cases/{businessKey}", view);
    h.put("POST /api/cases/{businessKey}/review-applications", bodies(d + "/review-applications", "applicant",
        "grounds", badKeys));
    h.put("POST /api/cases/{businessKey}/recusal-requests", bodies(c + "/recusal-requests", "investigator",
        "grounds", badKeys));
    List<Hostile> documents = new ArrayList<>();
    badKeys.forEach(k -> documents.add(Hostile.get("/api/cases/" + k + "/documents")));
    h.put("GET /api/cases/{businessKey}/documents", documents);
    h.put("GET /api/cases/{businessKey}/documents/{documentId}", List.of(Hostile.get(d + "/documents/abc"),
        Hostile.get(d + "/documents/-1"), Hostile.get(d + "/documents/99999999999999999999999"),
        Hostile.get(d + "/documents/" + q(SCRIPT)), Hostile.get(d + "/documents/1.5")));
    List<Hostile> evaluations = new ArrayList<>();
    for (String year : List.of("abc", "-1", "0", "99999", "2026.5", "99999999999999999999", q(SCRIPT))) {
      evaluations.add(Hostile.post("/api/evaluations/" + year, "{\"units\": [\"某局\"]}"));
    }
    for (String body : List.of("{\"units\": ", "{\"units\": \"某局\"}", "{\"units\": {\"a\": 1}}", "{\"units\": [42]}",
        "{\"units\": []}", "{\"units\": [null]}", "{\"units\": [" + str(HUGE) + "]}", "[]", "null")) {
      evaluations.add(Hostile.post("/api/evaluations/2026", body));
    }
    h.put("POST /api/evaluations/{year}", evaluations);
    h.put("GET /api/evaluations/{year}", List.of(Hostile.get("/api/evaluations/abc"),
        Hostile.get("/api/evaluations/-5"), Hostile.get("/api/evaluations/99999999999999999999"),
        Hostile.get("/api/evaluations/" + q(SCRIPT))));
    List<Hostile> attachments = new ArrayList<>();
    badKeys.forEach(k -> attachments.add(Hostile.get("/api/cases/" + k + "/attachments")));
    h.put("GET /api/cases/{businessKey}/attachments", attachments);
    String boundary = "----hostile";
    String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"%s\"%s\r\n\r\n%s\r\n";
    h.put("POST /api/cases/{businessKey}/attachments", List.of(
        new Hostile("POST", c + "/attachments", "application/json", "{\"file\": \"x\"}"),
        new Hostile("POST", c + "/attachments", "multipart/form-data; boundary=" + boundary,
            String.format(part, "description", "", "x") + "--" + boundary + "--\r\n"),
        new Hostile("POST", c + "/attachments", "multipart/form-data; boundary=" + boundary,
            String.format(part, "file", "; filename=\"" + IMG + ".txt\"", "x")
                + String.format(part, "taskId", "", "no-such-task") + "--" + boundary + "--\r\n"),
        new Hostile("POST", c + "/attachments", "multipart/form-data; boundary=" + boundary,
            String.format(part, "file", "; filename=\"x.txt\"", "x")
                + String.format(part, "description", "", HUGE) + "--" + boundary + "--\r\n"),
        new Hostile("POST", c + "/attachments", "multipart/form-data; boundary=broken", "--nothing")));
    h.put("GET /api/cases/{businessKey}/attachments/{attachmentId}", List.of(
        Hostile.get(c + "/attachments/" + q(SCRIPT)), Hostile.get(c + "/attachments/..%2F..%2Fx"),
        Hostile.get(c + "/attachments/" + "a".repeat(3000))));
    h.put("GET /api/cases/{businessKey}/attachments/upload", List.of(
        Hostile.get(c + "/attachments/upload?task=" + q(SCRIPT)),
        Hostile.get(c + "/attachments/upload?task=" + q(IMG)),
        Hostile.get("/api/cases/" + q(IMG) + "/attachments/upload")));
    List<Hostile> dueDate = new ArrayList<>();
    for (String query : List.of("", "tenant=" + q(SCRIPT) + "&stage=PRELIMINARY_CHECK&from=2026-01-05",
        "tenant=jinan&stage=" + q(IMG) + "&from=2026-01-05", "tenant=jinan&stage=PRELIMINARY_CHECK&from=2026-02-30",
        "tenant=jinan&stage=PRELIMINARY_CHECK&from=+999999999-12-31",
        "tenant=jinan&stage=PRELIMINARY_CHECK&from=-999999999-01-01",
        "tenant=jinan&stage=PRELIMINARY_CHECK&from=9999-12-31", "tenant=jinan&stage=PRELIMINARY_CHECK&from=0001-01-01",
        "tenant=jinan&stage=PRELIMINARY_CHECK&from=" + "2".repeat(5000),
        "tenant=jinan&tenant=jilin&stage=PRELIMINARY_CHECK&from=2026-01-05")) {
      dueDate.add(Hostile.get("/api/calendar/due-date?" + query));
    }
    h.put("GET /api/calendar/due-date", dueDate);
    h.put("GET /api/calendar", List.of(Hostile.get("/api/calendar?year=" + q(SCRIPT))));
    for (String stat : List.of("overview", "monthly", "measures", "durations", "exemptions", "reviews")) {
      List<Hostile> list = new ArrayList<>();
      for (String query : List.of("tenant=" + q(SCRIPT), "from=abc", "from=2026-06-01&to=2026-01-01",
          "from=+999999999-12-31", "from=0001-01-01&to=9999-12-31", "to=2026-13-01", "tenant=" + "x".repeat(5000),
          "from=-999999999-01-01&to=+999999999-12-31")) {
        list.add(Hostile.get("/api/stats/" + stat + "?" + query));
      }
      h.put("GET /api/stats/" + stat, list);
    }
    for (String stat : List.of("open-cases", "deadlines", "tenants")) {
      h.put("GET /api/stats/" + stat, List.of(Hostile.get("/api/stats/" + stat + "?tenant=" + q(SCRIPT)),
          Hostile.get("/api/stats/" + stat + "?tenant=" + q(IMG) + "&tenant=jinan")));
    }
    List<Hostile> audit = new ArrayList<>();
    for (String query : List.of("tenant=" + q(SCRIPT), "tenant=jinan&tenant=jilin", "tenant=" + "x".repeat(5000),
        "limit=abc", "limit=-1", "limit=0", "limit=99999999999999999999", "limit=2.5", "key=" + q(SCRIPT),
        "key=" + "k".repeat(5000), "key=%00", "key=" + q("' or 1=1 --"), "key=")) {
      audit.add(Hostile.get("/api/audit/deployments?" + query));
    }
    h.put("GET /api/audit/deployments", audit);
    return h;
  }

  private static List<Hostile> bodies(String path, String first, String second, List<String> badKeys) {
    List<Hostile> list = new ArrayList<>();
    for (String body : List.of("{\"" + first + "\": ", "", "null", "[]", "42",
        "{\"" + first + "\": 42, \"" + second + "\": \"x\"}",
        "{\"" + first + "\": {\"a\": 1}, \"" + second + "\": [1]}",
        "{\"" + first + "\": " + str(HUGE) + ", \"" + second + "\": \"x\"}",
        "{\"" + first + "\": \"张三\", \"" + second + "\": " + str(HUGE) + "}",
        "{\"" + first + "\": " + str(SCRIPT) + ", \"" + second + "\": " + str(IMG) + "}")) {
      list.add(Hostile.post(path, body));
    }
    for (String key : badKeys) {
      list.add(Hostile.post("/api/cases/" + key + path.substring(path.lastIndexOf('/')),
          "{\"" + first + "\": \"张三\", \"" + second + "\": \"x\"}"));
    }
    return list;
  }

  @Test
  void everyOperationOfTheOpenApiDescriptionHasHostileCases() throws Exception {
    assertThat(hostile().keySet()).containsAll(operations());
    assertThat(operations()).hasSizeGreaterThan(20);
  }

  @Test
  void hostileRequestsGetNoServerErrorAndARefusedOneWritesNothing() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    int sent = 0;
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (Map.Entry<String, List<Hostile>> operation : hostile().entrySet()) {
      for (Hostile h : operation.getValue()) {
        for (String user : List.of("jinan-intake-clerk", "jinan-supervision-head", "jilin-manager")) {
          Map<String, Integer> rows = SecurityFixture.rowCounts(jdbc);
          long instances = runtimeService.createProcessInstanceQuery().count();
          HttpRequest.Builder request = rest.request(h.path(), user);
          if (h.contentType() != null) {
            request.header("Content-Type", h.contentType());
          }
          HttpResponse<String> r = rest.send(request.method(h.method(), h.body() == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(h.body(), StandardCharsets.UTF_8)).build());
          sent++;
          statuses.merge(r.statusCode(), 1, Integer::sum);
          String label = user + " " + h.method() + " " + abbreviate(h.path()) + " " + abbreviate(h.body()) + " → "
              + r.statusCode() + " " + abbreviate(r.body());
          soft.assertThat(r.statusCode()).as(label).isLessThan(500);
          if (r.statusCode() >= 400) {
            soft.assertThat(SecurityFixture.rowCounts(jdbc)).as(label).isEqualTo(rows);
            soft.assertThat(runtimeService.createProcessInstanceQuery().count()).as(label).isEqualTo(instances);
          }
          String type = r.headers().firstValue("Content-Type").orElse("");
          if (type.startsWith("text/html")) {
            soft.assertThat(r.body()).as(label).doesNotContain("<script>alert", "<img src=x");
          }
        }
      }
    }
    assertThat(sent).isGreaterThan(200);
    // the requests reached validation (400), the case check (404) and the tenant check (403), not just a login wall
    assertThat(statuses).containsKeys(400, 403, 404).doesNotContainKey(401);
    soft.assertAll();
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
  }

  @Test
  void theMainFormsRefuseHostileValuesWithAMessageAndKeepTheTaskOpen() {
    Map<String, List<Map<String, Object>>> forms = new LinkedHashMap<>();
    Map<Map<String, Object>, String> changed = new java.util.IdentityHashMap<>();
    Map<String, Object> findings = vars("investigationOutcome", "DONE",
        "investigators", json(List.of("jinan-investigator", "jinan-investigator-2")), "facts", "事实",
        "evidence", "证据", "faultCategory", "FACTS_UNCLEAR", "scenario", "APPROVED_ACT_WRONG", "severity", "LIGHT",
        "partyFactors", json(Map.of()));
    List<Map<String, Object>> investigate = new ArrayList<>();
    for (Object[] change : new Object[][] {{"investigationOutcome", 7}, {"investigationOutcome", SCRIPT},
        {"investigators", 42}, {"investigators", json(Map.of("a", 1))}, {"investigators", HUGE},
        {"facts", HUGE}, {"facts", 42}, {"evidence", List.of("x")}, {"faultCategory", "NOPE"},
        {"faultCategory", 3}, {"scenario", SCRIPT}, {"severity", json(List.of())}, {"partyFactors", "{not json"},
        {"partyFactors", json(Map.of("张三", 5))}, {"partyFactors", json(Map.of(SCRIPT, List.of("X")))},
        {"largeImpact", "yes"}}) {
      Map<String, Object> values = new HashMap<>(findings);
      values.put((String) change[0], change[1]);
      changed.put(values, change[0] + "=" + abbreviate(String.valueOf(change[1] instanceof
          org.camunda.spin.plugin.variable.value.JsonValue j ? j.getValueSerialized() : change[1])));
      investigate.add(values);
    }
    Map<String, Object> extension = vars("investigationOutcome", "REQUEST_EXTENSION", "reason", "x");
    for (Object days : new Object[] {"abc", -5, 1e12, 2.5, "P99999D", json(Map.of())}) {
      Map<String, Object> values = new HashMap<>(extension);
      values.put("extension", days);
      changed.put(values, "extension=" + days);
      investigate.add(values);
    }
    forms.put("Investigate", investigate);
    forms.put("ServeDecision", List.of(vars("serviceDate", "2999-01-01"), vars("serviceDate", "not a date"),
        vars("serviceDate", 12345), vars("serviceDate", "2026-02-30"), vars("serviceDate", "2000-01-01"),
        vars("serviceDate", json(Map.of()))));
    SoftAssertions soft = new SoftAssertions();
    Map<String, WebappSession> tasklist = new HashMap<>();
    for (Map.Entry<String, List<Map<String, Object>>> form : forms.entrySet()) {
      String key = form.getKey().equals("Investigate") ? investigating : decided;
      String role = form.getKey().equals("Investigate") ? "investigator" : "intake-clerk";
      for (Map<String, Object> values : form.getValue()) {
        Map<String, Integer> rows = SecurityFixture.rowCounts(jdbc);
        Task before = taskService.createTaskQuery().processInstanceBusinessKey(key)
            .taskDefinitionKey(form.getKey()).singleResult();
        String label = form.getKey() + " " + changed.getOrDefault(values, abbreviate(values.toString()));
        if (before == null) {
          soft.fail("the previous values were accepted; no open " + label);
          break;
        }
        Throwable thrown = null;
        try {
          driver.complete(key, form.getKey(), role, values);
        } catch (Throwable e) {
          thrown = e;
        }
        soft.assertThat(thrown).as(label + " " + thrown).isInstanceOf(InvalidInputException.class);
        Task after = taskService.createTaskQuery().taskId(before.getId()).singleResult();
        soft.assertThat(after).as(label + " still open").isNotNull();
        soft.assertThat(SecurityFixture.rowCounts(jdbc)).as(label).isEqualTo(rows);
        if (after != null && after.getAssignee() != null) {
          // the driver claims before completing; give the task back for the next attempt
          taskService.setAssignee(after.getId(), null);
        }
        // the same over engine REST: 400, not 500
        HttpResponse<String> r = rest.postJson("/engine-rest/task/" + before.getId() + "/complete",
            CaseDriver.tenantOf(key) + "-" + role, restVariables(values));
        soft.assertThat(r.statusCode()).as("REST " + label + " " + abbreviate(r.body())).isBetween(400, 499);
        // and as Tasklist submits a form, through the webapps' own API with a login session: 400 too
        String user = CaseDriver.tenantOf(key) + "-" + role;
        WebappSession session = tasklist.computeIfAbsent(user, u -> WebappSession.login(port, u));
        HttpResponse<String> w = session.send(session.request("/camunda/api/engine/engine/default/task/"
            + before.getId() + "/submit-form").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(restVariables(values), StandardCharsets.UTF_8)).build());
        soft.assertThat(w.statusCode()).as("Tasklist " + label + " " + abbreviate(w.body())).isBetween(400, 499);
        soft.assertThat(taskService.createTaskQuery().taskId(before.getId()).count()).as(label + " open").isEqualTo(1);
        soft.assertThat(SecurityFixture.rowCounts(jdbc)).as(label).isEqualTo(rows);
      }
    }
    soft.assertAll();
  }

  private static String restVariables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      Object value = v instanceof org.camunda.spin.plugin.variable.value.JsonValue j ? j.getValueSerialized() : v;
      variables.put(k, Map.of("value", value, "type", v instanceof org.camunda.spin.plugin.variable.value.JsonValue
          ? "Json" : v instanceof Number ? (v instanceof Double ? "Double" : "Integer") : v instanceof List ? "Object"
          : "String"));
    });
    try {
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPayloadAcceptedAsDataIsShownAsText() throws Exception {
    // the decision document: the payload is literal text in the PDF
    JsonNode documents = JSON.readTree(rest.get("/api/cases/" + decided + "/documents", "jinan-manager").body());
    assertThat(documents).isNotEmpty();
    HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(rest.request("/api/cases/" + decided + "/documents/"
        + documents.get(0).get("id").asText(), "jinan-manager").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
    assertThat(text).contains(SCRIPT.replaceAll("\\s+", ""));
    assertThat(text).contains(IMG.replaceAll("\\s+", ""));

    // Tasklist's case summary (markdown in a form text component): no markup of the user's text survives
    Task serve = taskService.createTaskQuery().processInstanceBusinessKey(decided).taskDefinitionKey("ServeDecision")
        .singleResult();
    String summary = taskService.getVariableLocal(serve.getId(), "caseSummary").toString();
    assertThat(summary).doesNotContain("<script", "<img", "\">").contains("&#60;script&#62;alert&#40;1&#41;");
    assertThat(summary).contains("**行政执法行为**", "下载处理决定书");

    // the case view gives it back as data, unchanged
    JsonNode view = JSON.readTree(rest.get("/api/cases/" + decided, "jinan-manager").body());
    assertThat(view.toString()).contains(JSON.writeValueAsString("处罚决定" + SCRIPT).replace("\"", ""));
  }

  @Test
  void theDashboardsScriptsNeverBuildMarkupFromData() throws Exception {
    Pattern sink = Pattern.compile("\\.(innerHTML|outerHTML)\\s*[+]?=|insertAdjacentHTML|document\\.write|\\beval\\(|"
        + "new Function\\(|\\.html\\(");
    int scripts = 0;
    for (String path : List.of("/dashboard/dashboard.js", "/dashboard/login.js")) {
      HttpResponse<String> r = rest.get(path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      Matcher m = sink.matcher(r.body());
      assertThat(m.find()).as(path + " uses " + (m.hitEnd() ? "" : m.group())).isFalse();
      scripts++;
    }
    // the page itself carries no inline script fed with data
    String page = rest.get("/dashboard", "jinan-manager").body();
    assertThat(page).doesNotContain("innerHTML");
    assertThat(scripts).isEqualTo(2);
  }
}
