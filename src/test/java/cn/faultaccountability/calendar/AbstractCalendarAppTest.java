package cn.faultaccountability.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.calendar.DeadlinesTableFixture.Row;
import cn.faultaccountability.testsupport.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The calendar in the running app: {@code GET /api/calendar/due-date} over HTTP as staff of Jinan and Changzhou
 * (SPEC §5), the health indicator, and the engine's duration timers (SPEC §3). Expected dates are worked out by
 * hand from the official 2025/2026 schedules; the comments show how.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // timers are created with a fixed clock and must stay unexecuted while they are inspected
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractCalendarAppTest {

  private static final Path CALENDAR_DIR = createCalendarDir();
  private static final String API = "/api/calendar/due-date";

  @Autowired ProcessEngine engine;
  @Autowired CalendarHealthIndicator health;
  @LocalServerPort int port;
  EngineRest rest;
  final ObjectMapper json = new ObjectMapper();
  final List<String> deployments = new ArrayList<>();
  String changzhouLatestId;

  @DynamicPropertySource
  static void calendarDir(DynamicPropertyRegistry registry) {
    registry.add("accountability.calendar.dir", CALENDAR_DIR::toString);
  }

  private static Path createCalendarDir() {
    try {
      return Files.createTempDirectory("calendar-app-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tables as administrators would have revised them; the latest version of each tenant must be the one used. */
  @BeforeAll
  void deployTables() {
    deploy("jinan", DeadlinesTableFixture.dmn("calendar-test-jinan", List.of(
        new Row("DECISION_AFTER_FILING", "P30D", "P30D", false, "P5D", "济南市办法第十九条"),
        new Row("REVIEW_APPLICATION", "P15D", null, false, "P3D", "济南市办法第二十一条"),
        new Row("STATEMENT_AND_DEFENCE", "P10D", null, true, "P2D", "测试：管理员改为按工作日计算"))));
    deploy("changzhou", DeadlinesTableFixture.dmn("calendar-test-changzhou-old", List.of(
        new Row("DECISION_AFTER_FILING", "P45D", null, false, "P10D", "旧版本（已被修订）"))));
    changzhouLatestId = deploy("changzhou", DeadlinesTableFixture.dmn("calendar-test-changzhou", List.of(
        new Row("DECISION_AFTER_FILING", "P60D", null, false, "P10D", "常州市办法第三十一条"),
        new Row("REVIEW_APPLICATION", "P30D", null, false, "P5D", "常州市办法第三十三条第一款"))));
  }

  private String deploy(String tenant, String dmn) {
    var deployment = engine.getRepositoryService().createDeployment().name("calendar-test-" + tenant)
        .tenantId(tenant).addString("statutory-deadlines.dmn", dmn).deployWithResult();
    deployments.add(deployment.getId());
    return deployment.getDeployedDecisionDefinitions().get(0).getId();
  }

  @AfterAll
  void removeTables() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  @BeforeEach
  void client() {
    rest = new EngineRest(port);
  }

  @AfterEach
  void cleanUp() throws IOException {
    ClockUtil.reset();
    Files.deleteIfExists(CALENDAR_DIR.resolve("2027.yaml"));
  }

  private JsonNode ok(String user, String query) {
    HttpResponse<String> response = rest.get(API + query, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return read(response);
  }

  private JsonNode read(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> kinds(JsonNode body) {
    List<String> kinds = new ArrayList<>();
    body.at("/explanation/steps").forEach(step -> kinds.add(step.get("kind").asText()));
    return kinds;
  }

  @Test
  void jinanInvestigationAcrossTheNationalDayHoliday() {
    // filed 2026-09-03; 30 days (Jinan Art. 19) end 10-03, inside 国庆节 10-01..10-07 → 10-08 (Thu)
    JsonNode body = ok("jinan-intake-clerk", "?tenant=jinan&stage=DECISION_AFTER_FILING&from=2026-09-03");
    assertThat(body.get("dueDate").asText()).isEqualTo("2026-10-08");
    assertThat(body.get("provisional").asBoolean()).isFalse();
    assertThat(body.get("period").asText()).isEqualTo("P30D");
    assertThat(body.get("countWorkingDays").asBoolean()).isFalse();
    assertThat(body.get("warnBefore").asText()).isEqualTo("P5D");
    assertThat(body.get("warnFrom").asText()).isEqualTo("2026-10-03");
    assertThat(body.get("maxExtension").asText()).isEqualTo("P30D");
    assertThat(body.get("basis").asText()).isEqualTo("济南市办法第十九条");
    assertThat(body.at("/decision/versionTag").asText()).isEqualTo("calendar-test-jinan");
    assertThat(kinds(body)).containsExactly("START", "PERIOD", "ROLL_FORWARD", "DUE");
    JsonNode roll = body.at("/explanation/steps/2");
    assertThat(roll.get("from").asText()).isEqualTo("2026-10-03");
    assertThat(roll.get("to").asText()).isEqualTo("2026-10-08");
    assertThat(roll.get("reason").asText()).isEqualTo("国庆节休假");
    assertThat(body.at("/explanation/text").asText()).contains("2026-10-03 国庆节休假 → 顺延至 2026-10-08");
  }

  @Test
  void jinanReviewApplicationEndingInTheLabourDayHoliday() {
    // decision received 2026-04-20; 15 days (Jinan Art. 21) end 05-05, inside 劳动节 05-01..05-05 → 05-06 (Wed)
    JsonNode body = ok("jinan-unit-liaison", "?tenant=jinan&stage=REVIEW_APPLICATION&from=2026-04-20");
    assertThat(body.get("dueDate").asText()).isEqualTo("2026-05-06");
    assertThat(body.get("warnFrom").asText()).isEqualTo("2026-05-03");
    assertThat(body.get("maxExtension").isNull()).isTrue();
  }

  @Test
  void workingDaysAcrossTheSpringFestivalCountBothMakeUpSaturdays() {
    // from Thu 2026-02-12, 10 working days: 02-13, 02-14 (Sat, make-up), [02-15..02-23 春节], 02-24, 02-25, 02-26,
    // 02-27, 02-28 (Sat, make-up), [03-01 Sun], 03-02, 03-03, 03-04
    JsonNode body = ok("jinan-investigator", "?tenant=jinan&stage=STATEMENT_AND_DEFENCE&from=2026-02-12");
    assertThat(body.get("dueDate").asText()).isEqualTo("2026-03-04");
    assertThat(body.get("countWorkingDays").asBoolean()).isTrue();
    assertThat(body.get("warnFrom").asText()).isEqualTo("2026-03-02");
    List<String> madeUp = new ArrayList<>();
    body.at("/explanation/steps").forEach(s -> {
      if (s.get("kind").asText().equals("COUNTED_MAKE_UP_WORKDAYS")) {
        madeUp.add(s.get("date").asText());
      }
    });
    assertThat(madeUp).containsExactly("2026-02-14", "2026-02-28");
    assertThat(body.at("/explanation/text").asText()).contains("2026-02-15 至 2026-02-23 春节休假，不计入（9 日）");
  }

  @Test
  void changzhouDecisionAcrossTheYearEndAndTheSpringFestivalUsesTheLatestTable() {
    // filed 2025-12-17; 60 days (Changzhou Art. 31) end 2026-02-15, first day of 春节 02-15..02-23 → 02-24 (Tue).
    // The older revision's 45 days would give 2026-01-31 (Sat) → 02-02.
    JsonNode body = ok("changzhou-investigator", "?tenant=changzhou&stage=DECISION_AFTER_FILING&from=2025-12-17");
    assertThat(body.get("dueDate").asText()).isEqualTo("2026-02-24");
    assertThat(body.get("period").asText()).isEqualTo("P60D");
    assertThat(body.get("warnFrom").asText()).isEqualTo("2026-02-14");
    assertThat(body.get("maxExtension").isNull()).isTrue();
    assertThat(body.at("/decision/id").asText()).isEqualTo(changzhouLatestId);
    assertThat(body.at("/explanation/steps/2/reason").asText()).isEqualTo("春节休假");
  }

  @Test
  void changzhouReviewApplicationEndingOnTheFeb28MakeUpSaturdayDoesNotRoll() {
    // received 2026-01-29; 30 days (Changzhou Art. 33) end 2026-02-28, a Saturday worked for 春节 → due that day
    JsonNode body = ok("changzhou-unit-liaison", "?tenant=changzhou&stage=REVIEW_APPLICATION&from=2026-01-29");
    assertThat(body.get("dueDate").asText()).isEqualTo("2026-02-28");
    assertThat(kinds(body)).doesNotContain("ROLL_FORWARD");
  }

  @Test
  void administratorsMayAskForEveryTenant() {
    assertThat(ok("demo", "?tenant=changzhou&stage=REVIEW_APPLICATION&from=2026-01-29").get("dueDate").asText())
        .isEqualTo("2026-02-28");
  }

  @Test
  void aTenantTheCallerDoesNotBelongToIsForbidden() {
    HttpResponse<String> response = rest.get(API + "?tenant=changzhou&stage=DECISION_AFTER_FILING&from=2026-03-02",
        "jinan-intake-clerk");
    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode body = read(response);
    assertThat(body.get("error").asText()).isEqualTo("forbidden");
    assertThat(body.get("field").asText()).isEqualTo("tenant");
    assertThat(body.get("message").asText()).isEqualTo("您不属于常州市（changzhou），无权查看其期限");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "?stage=DECISION_AFTER_FILING&from=2026-03-02                   | tenant | 缺少辖区（租户）参数",
      "?tenant=beijing&stage=DECISION_AFTER_FILING&from=2026-03-02    | tenant | 未知的辖区“beijing”",
      "?tenant=jinan&stage=INVESTIGATION&from=2026-03-02              | stage  | 未知的阶段“INVESTIGATION”",
      "?tenant=jinan&from=2026-03-02                                  | stage  | 缺少阶段参数",
      "?tenant=jinan&stage=DECISION_AFTER_FILING&from=2026-02-30      | from   | “2026-02-30”不是有效日期",
      "?tenant=jinan&stage=DECISION_AFTER_FILING&from=2026/03/02      | from   | “2026/03/02”不是有效日期",
      "?tenant=jinan&stage=DECISION_AFTER_FILING                      | from   | 缺少起算事件日期",
  })
  void badInputIsA400NamingTheField(String query, String field, String message) {
    HttpResponse<String> response = rest.get(API + query, "jinan-intake-clerk");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = read(response);
    assertThat(body.get("error").asText()).isEqualTo("invalid-request");
    assertThat(body.get("field").asText()).isEqualTo(field);
    assertThat(body.get("message").asText()).startsWith(message);
  }

  @Test
  void everyBadFieldIsListed() {
    JsonNode body = read(rest.get(API + "?tenant=x&stage=y&from=z", "jinan-intake-clerk"));
    List<String> fields = new ArrayList<>();
    body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactly("tenant", "stage", "from");
  }

  @Test
  void aStageTheTenantsTableHasNoRowForIsNotFound() {
    HttpResponse<String> response = rest.get(API + "?tenant=jinan&stage=PRELIMINARY_CHECK&from=2026-03-02",
        "jinan-intake-clerk");
    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = read(response);
    assertThat(body.get("field").asText()).isEqualTo("stage");
    assertThat(body.get("message").asText()).contains("济南市的期限表").contains("PRELIMINARY_CHECK");
  }

  @Test
  void anonymousCallersAreRefused() {
    assertThat(rest.get(API + "?tenant=jinan&stage=DECISION_AFTER_FILING&from=2026-03-02", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aDueDateInAYearWithoutDataIsProvisionalAndAdministratorsAreWarnedUntilTheFileExists() throws IOException {
    // filed 2026-12-02; 30 days end 2027-01-01 (Fri): no 2027 data, so only weekends are rest days
    JsonNode provisional = ok("jinan-intake-clerk", "?tenant=jinan&stage=DECISION_AFTER_FILING&from=2026-12-02");
    assertThat(provisional.get("dueDate").asText()).isEqualTo("2027-01-01");
    assertThat(provisional.get("provisional").asBoolean()).isTrue();
    assertThat(provisional.get("missingYears").toString()).isEqualTo("[2027]");
    assertThat(kinds(provisional)).contains("PROVISIONAL");

    Health warned = health.health();
    assertThat(warned.getStatus()).isEqualTo(Status.UP);
    assertThat(years(warned)).contains(2027);
    assertThat((String) warned.getDetails().get("warning")).contains("2027").contains("没有工作日日历数据");
    JsonNode status = read(rest.get("/api/calendar", "demo"));
    assertThat(status.get("missingYears").toString()).contains("2027");
    assertThat(status.get("warning").asText()).contains("临时结果");

    // the administrator adds 2027.yaml (a test schedule with 01-01..01-03 off): no restart, the date is final
    Files.writeString(CALENDAR_DIR.resolve("2027.yaml"), CalendarFileParserTest.VALID, StandardCharsets.UTF_8);
    JsonNode fixed = ok("jinan-intake-clerk", "?tenant=jinan&stage=DECISION_AFTER_FILING&from=2026-12-02");
    assertThat(fixed.get("dueDate").asText()).isEqualTo("2027-01-04");
    assertThat(fixed.get("provisional").asBoolean()).isFalse();
    assertThat(years(health.health())).doesNotContain(2027);
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> years(Health health) {
    return (List<Integer>) health.getDetails().get("missingYears");
  }

  // --- the engine's timers (SPEC §3 via the business calendar) ---

  private static Date at(String offsetDateTime) {
    return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }

  /** Starts a one-timer process at the given moment and returns its timer job. */
  private Job timerStartedAt(String startedAt, Function<StartEventBuilder, AbstractFlowNodeBuilder<?, ?>> timer,
      String period) {
    String key = "calendar-timer-probe";
    BpmnModelInstance model = timer.apply(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent())
        .endEvent().done();
    String deploymentId = engine.getRepositoryService().createDeployment().name(key)
        .addModelInstance(key + ".bpmn", model).deploy().getId();
    deployments.add(deploymentId);
    ClockUtil.setCurrentTime(at(startedAt));
    var variables = new java.util.HashMap<String, Object>();
    variables.put("period", period);
    String instance = engine.getRuntimeService().startProcessInstanceByKey(key, variables).getId();
    return engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult();
  }

  @Test
  void aP30DTimerLandsOnTheDayAfterTheRolledLastDay() {
    // started 2026-09-03; last day 10-03 (国庆节) → 10-08; the period has lapsed at 00:00 on 10-09 (Beijing time)
    Job job = timerStartedAt("2026-09-03T10:15:00+08:00", s -> s.intermediateCatchEvent("lapse")
        .timerWithDuration("${period}"), "P30D");
    assertThat(job.getDuedate()).isEqualTo(at("2026-10-09T00:00:00+08:00"));
  }

  @Test
  void aP30DBoundaryTimerEndingOnAMakeUpSaturdayDoesNotRoll() {
    // started 2026-01-29; last day 02-28 is a Saturday worked for 春节 → lapsed at 00:00 on 03-01
    Job job = timerStartedAt("2026-01-29T16:40:00+08:00", s -> s.userTask("investigate")
        .boundaryEvent("lapsed").timerWithDuration("${period}").endEvent("escalated")
        .<UserTaskBuilder>moveToActivity("investigate"), "P30D");
    assertThat(job.getDuedate()).isEqualTo(at("2026-03-01T00:00:00+08:00"));
  }

  @Test
  void dateTimersAndHourDurationsAreLeftAsTheyAre() {
    Job date = timerStartedAt("2026-09-03T10:00:00+08:00", s -> s.intermediateCatchEvent("at")
        .timerWithDate("2026-10-03T09:00:00+08:00"), null);
    assertThat(date.getDuedate()).as("a holiday date-time stays exactly that").isEqualTo(at("2026-10-03T09:00:00+08:00"));
    Job hours = timerStartedAt("2026-10-02T10:00:00+08:00", s -> s.intermediateCatchEvent("soon")
        .timerWithDuration("PT1H"), null);
    assertThat(hours.getDuedate()).isEqualTo(at("2026-10-02T11:00:00+08:00"));
  }

  @Test
  void aProvisionalTimerIsCorrectedByRecalculationOnceTheYearsFileExists() throws IOException {
    // started 2026-12-02; without 2027 data the last day 2027-01-01 (Fri) counts as a working day → fires 01-02
    Job job = timerStartedAt("2026-12-02T09:00:00+08:00", s -> s.intermediateCatchEvent("lapse")
        .timerWithDuration("P30D"), null);
    assertThat(job.getDuedate()).isEqualTo(at("2027-01-02T00:00:00+08:00"));

    Files.writeString(CALENDAR_DIR.resolve("2027.yaml"), CalendarFileParserTest.VALID, StandardCharsets.UTF_8);
    ManagementService management = engine.getManagementService();
    management.recalculateJobDuedate(job.getId(), true);
    // with 01-01..01-03 off the last day rolls to 01-04 (Mon) → fires at 00:00 on 01-05
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getDuedate())
        .isEqualTo(at("2027-01-05T00:00:00+08:00"));
  }
}
