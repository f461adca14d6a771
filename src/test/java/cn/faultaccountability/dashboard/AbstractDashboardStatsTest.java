package cn.faultaccountability.dashboard;

import static cn.faultaccountability.dashboard.DashboardFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.faultaccountability.calendar.DueDateCalculator;
import cn.faultaccountability.calendar.StatutoryDeadlines;
import cn.faultaccountability.testsupport.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code /api/stats} figures against the seeded cases (see {@link DashboardFixture}), tenant isolation, the
 * dashboard page's login, and the Prometheus gauges and health on the management port. Each figure is worked out
 * here from what was seeded, not read back from the app.
 */
// Spring Boot tests switch metric exporters off unless asked: the Prometheus endpoint is under test here
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDashboardStatsTest {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired JdbcTemplate jdbc;
  @Autowired StatutoryDeadlines statutoryDeadlines;
  @Autowired DueDateCalculator calculator;
  @Autowired CaseMetrics metrics;
  @Autowired IdentityService identityService;
  EngineRest rest;
  DashboardFixture cases;

  @BeforeAll
  void seed() {
    rest = new EngineRest(port);
    cases = new DashboardFixture(rest, jdbc, statutoryDeadlines, calculator);
    cases.seed();
  }

  JsonNode get(String path, String user) {
    HttpResponse<String> response = rest.get(path, user);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json(response.body());
  }

  @Test
  void openCasesByStageAreTheManagersTenantOnly() {
    JsonNode open = get("/api/stats/open-cases", "jinan-manager");
    assertThat(open.get("total").asLong()).isEqualTo(4);
    assertThat(counts(open.get("stages"), "stage")).containsExactlyInAnyOrderEntriesOf(
        Map.of("PRELIMINARY_CHECK", 3L, "DECIDED", 1L));
    assertThat(open.get("stages").findValuesAsText("stageName")).contains("核查与立案", "送达、复核与执行");
    // the administrator belongs to every tenant: Jilin's two open cases come in
    assertThat(get("/api/stats/open-cases", "demo").get("total").asLong()).isGreaterThanOrEqualTo(6);
    assertThat(get("/api/stats/open-cases?tenant=jilin", "demo").get("total").asLong()).isEqualTo(2);
  }

  @Test
  void deadlineBoardCountsColoursAsTheCaseViewDoesAndListsYellowAndRedWithTheirTasks() {
    JsonNode board = get("/api/stats/deadlines", "jinan-manager");
    assertThat(board.get("today").asText()).isEqualTo(cases.today.toString());
    JsonNode counts = board.get("counts");
    assertThat(counts.get("RED").asLong()).isEqualTo(1);
    assertThat(counts.get("YELLOW").asLong()).isEqualTo(1);
    // the GREEN intake and the decided case's review deadline; its suspended execution deadline is not YELLOW
    assertThat(counts.get("GREEN").asLong()).isEqualTo(2);
    assertThat(counts.get("SUSPENDED").asLong()).isEqualTo(1);
    assertThat(board.get("attentionTotal").asLong()).isEqualTo(2);
    List<String> listed = board.get("attention").findValuesAsText("businessKey");
    assertThat(listed).containsExactly(cases.jinanRed, cases.jinanYellow);

    for (JsonNode row : board.get("attention")) {
      String key = row.get("businessKey").asText();
      JsonNode view = get("/api/cases/" + key, "jinan-manager");
      JsonNode deadline = view.get("deadlines").get(0);
      // the same colour and due date as the case view shows, and the colour the intake day was chosen for
      assertThat(row.get("colour").asText()).isEqualTo(deadline.get("colour").asText())
          .isEqualTo(cases.intakeColour.get(key));
      LocalDate due = LocalDate.parse(deadline.get("dueDate").asText());
      assertThat(row.get("dueDate").asText()).isEqualTo(due.toString());
      long left = ChronoUnit.DAYS.between(cases.today, due);
      assertThat(row.get("daysLeft").asLong()).isEqualTo(Math.max(left, 0));
      assertThat(row.get("daysOverdue").asLong()).isEqualTo(Math.max(-left, 0));
      assertThat(row.get("caseUrl").asText()).isEqualTo("/api/cases/" + key);
      assertThat(row.get("tasks").findValuesAsText("tasklistUrl"))
          .containsExactlyElementsOf(view.get("openTasks").findValuesAsText("tasklistUrl")).isNotEmpty();
    }
    JsonNode all = get("/api/stats/deadlines", "demo");
    assertThat(all.get("counts").get("RED").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(all.get("attention").findValuesAsText("businessKey")).contains(cases.jilinOpen, cases.jilinDecided);
  }

  @Test
  void casesTakenInAndClosedPerMonth() {
    JsonNode months = get("/api/stats/monthly", "jinan-manager").get("months");
    assertThat(months).hasSize(12);
    Map<String, long[]> byMonth = new HashMap<>();
    months.forEach(m -> byMonth.put(m.get("month").asText(), new long[] {m.get("takenIn").asLong(),
        m.get("closed").asLong()}));
    assertThat(byMonth.get(cases.thisMonth.toString())).containsExactly(3, 0);
    assertThat(byMonth.get(cases.thisMonth.minusMonths(1).toString())).containsExactly(1, 1);
    assertThat(byMonth.get(cases.thisMonth.minusMonths(2).toString())).containsExactly(1, 0);
    // a period that ends before the inserted cases were taken in
    JsonNode older = get("/api/stats/monthly?from=" + cases.thisMonth.minusMonths(14) + "&to="
        + cases.thisMonth.minusMonths(3), "jinan-manager").get("months");
    assertThat(older).hasSize(12).allSatisfy(m -> assertThat(m.get("takenIn").asLong()).isZero());
  }

  @Test
  void measuresInForceByUnitAndByType() {
    JsonNode measures = get("/api/stats/measures", "jinan-manager");
    assertThat(measures.get("total").asLong()).isEqualTo(5);
    assertThat(counts(measures.get("byUnit"), "unit")).containsExactlyInAnyOrderEntriesOf(
        Map.of(DashboardFixture.JINAN_UNIT_DECIDED, 3L, DashboardFixture.JINAN_UNIT_CLOSED, 2L));
    assertThat(counts(measures.get("byType"), "measure")).containsExactlyInAnyOrderEntriesOf(
        Map.of("ORDER_CORRECTION", 2L, "WRITTEN_SELF_CRITICISM", 2L, "CIRCULATED_CRITICISM", 1L));
    assertThat(measures.get("byType").findValuesAsText("measureName")).contains("书面检查");
    assertThat(counts(get("/api/stats/measures?tenant=jilin", "demo").get("byType"), "measure"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("CIRCULATED_CRITICISM", 1L, "RECTIFY_WITHIN_DEADLINE", 1L));
  }

  @Test
  void medianDaysPerStage() {
    Map<String, Double> medians = new HashMap<>();
    Map<String, Long> counted = new HashMap<>();
    for (JsonNode s : get("/api/stats/durations", "jinan-manager").get("stages")) {
      medians.put(s.get("stage").asText(), s.get("medianDays").asDouble());
      counted.put(s.get("stage").asText(), s.get("count").asLong());
    }
    // the intakes' preliminary checks are still running: only the ended stages count
    assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of("PRELIMINARY_CHECK", 2L,
        "DECISION_AFTER_FILING", 2L));
    assertThat(medians.get("PRELIMINARY_CHECK")).isCloseTo(cases.medianPreliminaryCheck(), within(0.001));
    assertThat(medians.get("DECISION_AFTER_FILING")).isCloseTo(cases.medianDecision(), within(0.001));
  }

  @Test
  void exemptionRateAndReviews() {
    JsonNode exemptions = get("/api/stats/exemptions", "jinan-manager");
    assertThat(exemptions.get("assessed").asLong()).isEqualTo(4);
    assertThat(exemptions.get("exempt").asLong()).isEqualTo(1);
    assertThat(exemptions.get("rate").asDouble()).isCloseTo(0.25, within(1e-9));

    JsonNode reviews = get("/api/stats/reviews", "jinan-manager");
    assertThat(reviews.get("decisions").asLong()).isEqualTo(2);
    assertThat(reviews.get("applications").asLong()).isEqualTo(2);
    assertThat(counts(reviews.get("outcomes"), "outcome")).containsExactlyInAnyOrderEntriesOf(
        Map.of("UPHOLD", 0L, "MODIFY", 1L, "REVOKE", 0L, "PENDING", 1L));
    assertThat(counts(get("/api/stats/reviews?tenant=jilin", "demo").get("outcomes"), "outcome"))
        .containsEntry("UPHOLD", 1L).containsEntry("MODIFY", 0L);
  }

  @Test
  void anotherTenantIsRefusedAndNeverLeaksIntoTheOverview() {
    HttpResponse<String> refused = rest.get("/api/stats/overview?tenant=jilin", "jinan-manager");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json(refused.body()).get("errors").get(0).get("field").asText()).isEqualTo("tenant");
    assertThat(rest.get("/api/stats/deadlines?tenant=nowhere", "jinan-manager").statusCode()).isEqualTo(403);

    String overview = rest.get("/api/stats/overview", "jinan-manager").body();
    assertThat(overview).contains(cases.jinanRed, DashboardFixture.JINAN_UNIT_DECIDED)
        .doesNotContain(cases.jilinOpen, cases.jilinDecided, DashboardFixture.JILIN_UNIT, "jilin");
    assertThat(rest.get("/api/stats/overview?tenant=jinan", "jinan-manager").body())
        .contains(cases.jinanRed).doesNotContain(DashboardFixture.JILIN_UNIT);
    assertThat(rest.get("/api/stats/overview", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aUserInNoJurisdictionSeesNoFigures() {
    if (identityService.createUserQuery().userId("dashboard-outsider").count() == 0) {
      User outsider = identityService.newUser("dashboard-outsider");
      outsider.setPassword("demo");
      identityService.saveUser(outsider);
    }
    HttpResponse<String> refused = rest.get("/api/stats/overview", "dashboard-outsider");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("不属于任何辖区").doesNotContain(cases.jinanRed);
  }

  @Test
  void aBadPeriodNamesTheField() {
    HttpResponse<String> bad = rest.get("/api/stats/monthly?from=2026-13", "jinan-manager");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad.body()).get("errors").get(0).get("field").asText()).isEqualTo("from");
    HttpResponse<String> reversed = rest.get("/api/stats/monthly?from=2026-06&to=2026-01", "jinan-manager");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body()).contains("\"field\":\"from\"");
  }

  @Test
  void theDashboardPageAsksForTheCamundaLoginAndServesEchartsItself() {
    HttpResponse<String> page = rest.get("/dashboard", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"login-form\"").doesNotContain("deadline-board");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
    HttpResponse<String> echarts = rest.get("/webjars/echarts/dist/echarts.min.js", null);
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.body()).contains("echarts");
  }

  @Test
  void prometheusShowsAggregateGaugesOnTheManagementPortOnly() {
    metrics.refresh();
    EngineRest management = new EngineRest(managementPort);
    HttpResponse<String> scrape = management.get("/actuator/prometheus", null);
    assertThat(scrape.statusCode()).isEqualTo(200);
    String text = scrape.body();
    assertThat(text).contains("fa_cases_open{stage=\"PRELIMINARY_CHECK\",tenant=\"jinan\"} 3.0")
        .contains("fa_cases_open{stage=\"DECIDED\",tenant=\"jinan\"} 1.0")
        .contains("fa_deadlines_running{colour=\"RED\",tenant=\"jinan\"} 1.0")
        .contains("fa_deadlines_running{colour=\"YELLOW\",tenant=\"jinan\"} 1.0")
        .contains("fa_deadlines_running{colour=\"SUSPENDED\",tenant=\"jinan\"} 1.0")
        .contains("fa_deadlines_running{colour=\"RED\",tenant=\"jilin\"} 2.0")
        .contains("fa_incidents_open{tenant=\"jinan\",type=\"failedJob\"} 0.0")
        .contains("fa_jobs{state=\"timer\"}")
        .contains("camunda_engine_metric_total{name=\"job-successful\"}");
    // aggregate counts only: no business key, unit or person in any label
    assertThat(text).doesNotContain(cases.jinanRed, cases.jilinDecided, DashboardFixture.JILIN_UNIT, "张三");
    // not on the application's port
    assertThat(rest.get("/actuator/prometheus", "demo").statusCode()).isEqualTo(404);

    JsonNode health = json(management.get("/actuator/health", null).body());
    assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
    // the job executor is switched off in these tests, and health says so; the RED intakes' timers are due
    JsonNode jobs = health.get("components").get("jobs");
    assertThat(jobs.get("status").asText()).isEqualTo("UNKNOWN");
    assertThat(jobs.get("details").get("executorActive").asBoolean()).isFalse();
    assertThat(jobs.get("details").get("dueJobs").asLong()).isPositive();
  }

  private static Map<String, Long> counts(JsonNode rows, String keyField) {
    Map<String, Long> counts = new HashMap<>();
    List<String> seen = new ArrayList<>();
    for (JsonNode row : rows) {
      seen.add(row.get(keyField).asText());
      counts.put(row.get(keyField).asText(), row.get("count").asLong());
    }
    assertThat(seen).doesNotHaveDuplicates();
    return counts;
  }
}
