package cn.faultaccountability.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.calendar.DeadlineStage;
import cn.faultaccountability.calendar.DeadlineState;
import cn.faultaccountability.calendar.DueDateCalculator;
import cn.faultaccountability.calendar.StatutoryDeadlines;
import cn.faultaccountability.testsupport.EngineRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The cases the dashboard tests look at, and the figures they should produce.
 *
 * <p>Running cases come through the real procedure: a lead posted to {@code POST /api/cases} by the tenant's intake
 * clerk, on an engine-clock day chosen (with the app's own calendar and the tenant's statutory-deadlines table) so
 * that its preliminary-check deadline is RED, YELLOW or GREEN today. Decided, reviewed and closed cases — with
 * parties, exemptions, measures in every state and ended deadlines on known days — are inserted as rows, because
 * driving them through the procedure on chosen past dates would take the whole procedure per case.
 */
final class DashboardFixture {

  static final String JINAN_UNIT_CLOSED = "历下区城市管理局";
  static final String JINAN_UNIT_DECIDED = "槐荫区市场监督管理局";
  static final String JILIN_UNIT = "船营区交通运输局";
  private static final ObjectMapper JSON = new ObjectMapper();

  final LocalDate today = LocalDate.now();
  final YearMonth thisMonth = YearMonth.from(today);
  final Map<String, String> intakeColour = new LinkedHashMap<>();
  String jinanRed;
  String jinanYellow;
  String jinanGreen;
  String jilinOpen;
  String jinanClosed;
  String jinanDecided;
  String jilinDecided;

  private final EngineRest rest;
  private final JdbcTemplate jdbc;
  private final StatutoryDeadlines statutoryDeadlines;
  private final DueDateCalculator calculator;

  DashboardFixture(EngineRest rest, JdbcTemplate jdbc, StatutoryDeadlines statutoryDeadlines,
      DueDateCalculator calculator) {
    this.rest = rest;
    this.jdbc = jdbc;
    this.statutoryDeadlines = statutoryDeadlines;
    this.calculator = calculator;
  }

  void seed() {
    try {
      LocalDate red = intakeDay("jinan", DeadlineState.RED);
      LocalDate yellow = intakeDay("jinan", DeadlineState.YELLOW);
      jinanRed = intake("jinan", red, "历城区城市管理局");
      jinanYellow = intake("jinan", yellow, "市中区城市管理局");
      jinanGreen = intake("jinan", today, "天桥区城市管理局");
      jilinOpen = intake("jilin", intakeDay("jilin", DeadlineState.RED), JILIN_UNIT);
    } finally {
      ClockUtil.reset();
    }
    intakeColour.put(jinanRed, "RED");
    intakeColour.put(jinanYellow, "YELLOW");
    intakeColour.put(jinanGreen, "GREEN");
    intakeColour.put(jilinOpen, "RED");
    insertJinanClosed();
    insertJinanDecided();
    insertJilinDecided();
    // those rows were inserted by SQL, not through the repositories that keep the dashboard's roll-ups
    DashboardRollups.rebuild(jdbc);
  }

  /** The latest day up to today on which an intake makes the preliminary-check deadline have that colour today. */
  private LocalDate intakeDay(String tenant, DeadlineState wanted) {
    StatutoryDeadlines.StageRule rule = statutoryDeadlines.rule(tenant, tenant, DeadlineStage.PRELIMINARY_CHECK);
    for (LocalDate day = today; day.isAfter(today.minusDays(120)); day = day.minusDays(1)) {
      if (calculator.compute(day, rule.rule()).state(today) == wanted) {
        return day;
      }
    }
    throw new IllegalStateException("no intake day gives " + wanted + " today");
  }

  private String intake(String tenant, LocalDate day, String unit) {
    ClockUtil.setCurrentTime(java.util.Date.from(day.atTime(LocalTime.of(9, 0)).atZone(ZoneId.systemDefault())
        .toInstant()));
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("tenant", tenant);
    lead.put("source", "COMPLAINT");
    lead.put("actDescription", "罚款决定被行政复议机关撤销");
    lead.put("unitName", unit);
    lead.put("faultEndedOn", day.minusDays(40).toString());
    lead.put("discoveredOn", day.toString());
    lead.put("parties", List.of(Map.of("type", "UNIT", "name", unit),
        Map.of("type", "PERSON", "name", "张三", "role", "HANDLER", "unitName", unit)));
    try {
      HttpResponse<String> response = rest.postJson("/api/cases", tenant + "-intake-clerk",
          JSON.writeValueAsString(lead));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      return JSON.readTree(response.body()).get("businessKey").asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- inserted rows: decided, reviewed, closed ----

  LocalDate day(int monthsAgo, int dayOfMonth) {
    return thisMonth.minusMonths(monthsAgo).atDay(dayOfMonth);
  }

  /** Jinan, closed last month: 3 parties assessed (1 exempt), 2 measures in force, review modified it. */
  private void insertJinanClosed() {
    jinanClosed = "JINAN-" + day(2, 3).getYear() + "-90001";
    long id = insertCase(jinanClosed, "jinan", JINAN_UNIT_CLOSED, "CLOSED", "CLOSED", day(2, 3), day(1, 20),
        day(1, 5), day(1, 10), "MODIFY");
    long unit = party(id, "UNIT", JINAN_UNIT_CLOSED, null, false);
    long zhao = party(id, "PERSON", "赵一", JINAN_UNIT_CLOSED, false);
    party(id, "PERSON", "钱二", JINAN_UNIT_CLOSED, true);
    measure(id, unit, "ORDER_CORRECTION", "DECIDED", day(1, 5));
    measure(id, zhao, "WRITTEN_SELF_CRITICISM", "DECIDED", day(1, 5));
    // replaced by the review: no longer in force
    measure(id, zhao, "ADMONITION_TALK", "REVOKED", day(1, 5));
    // proposed by the table but not decided
    measure(id, zhao, "CIRCULATED_CRITICISM", "PROPOSED", day(1, 4));
    deadline(id, "PRELIMINARY_CHECK", day(2, 3), day(2, 13), null);
    deadline(id, "DECISION_AFTER_FILING", day(2, 14), day(1, 5), null);
  }

  /** Jinan, decided last month and still open: review pending, a running review deadline and a suspended one. */
  private void insertJinanDecided() {
    jinanDecided = "JINAN-" + day(1, 2).getYear() + "-90002";
    long id = insertCase(jinanDecided, "jinan", JINAN_UNIT_DECIDED, "DECIDED", "OPEN", day(1, 2), null,
        day(1, 25), day(1, 28), null);
    long unit = party(id, "UNIT", JINAN_UNIT_DECIDED, null, false);
    // a person whose circumstances were not assessed: not in the exemption rate
    long sun = party(id, "PERSON", "孙三", JINAN_UNIT_DECIDED, null);
    measure(id, unit, "ORDER_CORRECTION", "DECIDED", day(1, 25));
    measure(id, sun, "WRITTEN_SELF_CRITICISM", "DECIDED", day(1, 25));
    measure(id, sun, "CIRCULATED_CRITICISM", "DECIDED", day(1, 25));
    deadline(id, "PRELIMINARY_CHECK", day(1, 2), day(1, 6), null);
    deadline(id, "DECISION_AFTER_FILING", day(1, 7), day(1, 25), null);
    openDeadline(id, "REVIEW_DECISION", day(1, 28), today.plusDays(20), today.plusDays(10), null);
    openDeadline(id, "EXECUTION_REPORT", day(1, 26), today.plusDays(3), today.minusDays(2), day(1, 27));
  }

  /** Jilin: what the Jinan manager must never see. */
  private void insertJilinDecided() {
    jilinDecided = "JILIN-" + day(1, 2).getYear() + "-90003";
    long id = insertCase(jilinDecided, "jilin", JILIN_UNIT, "DECIDED", "OPEN", day(1, 3), null, day(1, 12),
        day(1, 15), "UPHOLD");
    long unit = party(id, "UNIT", JILIN_UNIT, null, true);
    measure(id, unit, "CIRCULATED_CRITICISM", "DECIDED", day(1, 12));
    measure(id, unit, "RECTIFY_WITHIN_DEADLINE", "DECIDED", day(1, 12));
    deadline(id, "PRELIMINARY_CHECK", day(1, 3), day(1, 4), null);
    openDeadline(id, "EXECUTION_REPORT", day(1, 13), today.minusDays(5), today.minusDays(8), null);
  }

  private long insertCase(String key, String tenant, String unit, String stage, String status, LocalDate created,
      LocalDate closed, LocalDate decided, LocalDate reviewApplied, String reviewOutcome) {
    GeneratedKeyHolder holder = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("insert into fa_case (business_key, tenant_id, source, "
          + "act_description, unit_name, discovered_on, stage, status, created_at, closed_at, decided_at, served_on, "
          + "review_applied_on, review_outcome) values (?, ?, 'COMPLAINT', '行政处罚决定被撤销', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      ps.setString(1, key);
      ps.setString(2, tenant);
      ps.setString(3, unit);
      ps.setDate(4, Date.valueOf(created));
      ps.setString(5, stage);
      ps.setString(6, status);
      ps.setTimestamp(7, at(created));
      ps.setTimestamp(8, closed == null ? null : at(closed));
      ps.setTimestamp(9, at(decided));
      ps.setDate(10, Date.valueOf(decided.plusDays(1)));
      ps.setDate(11, reviewApplied == null ? null : Date.valueOf(reviewApplied));
      ps.setString(12, reviewOutcome);
      return ps;
    }, holder);
    return holder.getKey().longValue();
  }

  private long party(long caseId, String type, String name, String unitName, Boolean exempt) {
    GeneratedKeyHolder holder = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("insert into fa_case_party (case_id, party_type, name, role, "
          + "unit_name, exempt) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setLong(1, caseId);
      ps.setString(2, type);
      ps.setString(3, name);
      ps.setString(4, "PERSON".equals(type) ? "HANDLER" : null);
      ps.setString(5, unitName);
      ps.setObject(6, exempt);
      return ps;
    }, holder);
    return holder.getKey().longValue();
  }

  private void measure(long caseId, long partyId, String measure, String state, LocalDate decided) {
    jdbc.update("insert into fa_case_measure (case_id, party_id, measure, mandatory, state, origin, decided_by, "
        + "decided_at) values (?, ?, ?, false, ?, 'DECISION', 'jinan-supervision-head', ?)", caseId, partyId, measure,
        state, at(decided));
  }

  private void deadline(long caseId, String stage, LocalDate event, LocalDate closed, LocalDate suspended) {
    insertDeadline(caseId, stage, event, closed.plusDays(5), closed, at(closed), suspended);
  }

  private void openDeadline(long caseId, String stage, LocalDate event, LocalDate due, LocalDate warn,
      LocalDate suspended) {
    insertDeadline(caseId, stage, event, due, warn, null, suspended);
  }

  private void insertDeadline(long caseId, String stage, LocalDate event, LocalDate due, LocalDate warn,
      Timestamp closedAt, LocalDate suspended) {
    jdbc.update("insert into fa_deadline (case_id, tenant_id, stage, event_on, period, count_working_days, "
        + "warn_before, basis, due_on, warn_on, provisional, state, suspended_since, explanation, created_at, "
        + "closed_at) select id, tenant_id, ?, ?, 'P30D', false, 'P5D', '济南市办法第十九条', ?, ?, false, ?, ?, '{}', "
        + "?, ? from fa_case where id = ?", stage, Date.valueOf(event), Date.valueOf(due), Date.valueOf(warn),
        closedAt == null ? "GREEN" : "DONE", suspended == null ? null : Date.valueOf(suspended), at(event), closedAt,
        caseId);
  }

  private static Timestamp at(LocalDate day) {
    return Timestamp.valueOf(day.atTime(10, 30));
  }

  // ---- expected figures for the Jinan manager ----

  /** Median of the two ended stages of each kind, in days from the event to the day it ended. */
  double medianPreliminaryCheck() {
    return (days(day(2, 3), day(2, 13)) + days(day(1, 2), day(1, 6))) / 2.0;
  }

  double medianDecision() {
    return (days(day(2, 14), day(1, 5)) + days(day(1, 7), day(1, 25))) / 2.0;
  }

  private static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }

  /** What the Jinan manager's dashboard should show, as JSON for the browser script. */
  Map<String, Object> expectedForJinan() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("red", 1);
    expected.put("yellow", 1);
    expected.put("green", 2);
    expected.put("suspended", 1);
    expected.put("attention", List.of(jinanRed, jinanYellow));
    expected.put("openTotal", 4);
    expected.put("measuresTotal", 5);
    expected.put("units", Map.of(JINAN_UNIT_DECIDED, 3, JINAN_UNIT_CLOSED, 2));
    expected.put("exemptionRate", "25.0%");
    expected.put("takenInThisMonth", 3);
    expected.put("thisMonth", thisMonth.toString());
    expected.put("absent", List.of(jilinOpen, jilinDecided, JILIN_UNIT));
    // the administrator choosing Jilin: its RED intake and its decided case's overdue execution report
    expected.put("jilinRed", 2);
    expected.put("jilinAttention", List.of(jilinOpen, jilinDecided));
    return expected;
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(body, e);
    }
  }
}
