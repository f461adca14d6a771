package cn.faultaccountability.benchmark;

import cn.faultaccountability.dashboard.DashboardQueries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Issue 9 (c), docs/performance.md "查询延迟 / Query latencies": with {@link BenchmarkScale#cases()} generated cases
 * ({@link CaseDataGenerator}: open and closed, all four tenants), p50/p95 over {@link BenchmarkScale#queryRepetitions()}
 * of
 * <ul>
 *   <li>a role's Tasklist task query — the "本组待办" filter of jinan-investigator: candidate-group tasks of the user's
 *       groups, due date ascending, a page of 50 — and its count, through the engine REST API with HTTP Basic
 *       (authorization and tenant checks on, as shipped);</li>
 *   <li>the case view {@code GET /api/cases/{businessKey}} of the tenant's cases, in turn;</li>
 *   <li>each {@code /api/stats/*} endpoint of the dashboard as the tenant's manager, and each {@link DashboardQueries}
 *       query over all four tenants (the administrator's scope, the largest).</li>
 * </ul>
 * Checks on the generated data (rows with an "= n" target; the smoke test requires them met): a cloned task is
 * claimed and completed by the engine and its case moves on; the task count equals what SQL says the user's groups and
 * tenants give; no task of another tenant is on the page; another tenant's candidate group, case and statistics are
 * not readable.
 */
final class QueryLatencySection implements BenchmarkSection {

  static final String NAME = "queries";
  private static final String TENANT = "jinan";
  private static final String USER = TENANT + "-investigator";
  private static final String MANAGER = TENANT + "-manager";
  private static final String OTHER_GROUP = "changzhou-investigator";
  private static final double TARGET_MS = 50;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private String base;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(BenchmarkRun run) throws Exception {
    BenchmarkReport report = run.report();
    long existing = 0;
    if (run.reusingDatabase()) {
      try (Connection db = run.connection(); var sql = db.createStatement();
          var rs = sql.executeQuery("select count(*) from information_schema.tables where table_name = 'fa_case'")) {
        rs.next();
        existing = rs.getLong(1) == 0 ? 0 : count(db, "select count(*) from fa_case");
      }
    }
    if (existing > 0 && existing < run.scale().cases()) {
      throw new IllegalStateException("-Dbenchmark.reuseDatabase=true: " + run.databaseName() + " has " + existing
          + " cases, fewer than benchmark.cases = " + run.scale().cases() + "; run once without reuse to generate them");
    }
    if (existing >= run.scale().cases()) {
      report.add(NAME, "generated cases", existing, "cases", "reused: the database of an earlier run"
          + " (-Dbenchmark.reuseDatabase=true)");
    } else {
      CaseDataGenerator.Generated generated = CaseDataGenerator.generate(run, run.scale().cases());
      long rows = generated.rowsPerTable().values().stream().mapToLong(Long::longValue).sum();
      report.add(NAME, "generated cases", generated.cases(), "cases", generated.templates().size()
          + " template cases driven through the process, the rest cloned by SQL: " + String.format("%,d", rows)
          + " rows in " + String.format("%.0f", generated.seconds()) + " s");
    }
    base = "http://localhost:" + run.application().getEnvironment().getProperty("local.server.port");

    try (Connection db = run.connection()) {
      report.add(NAME, "open tasks", count(db, "select count(*) from ACT_RU_TASK"), "tasks", "all tenants");
      report.add(NAME, "open cases", count(db, "select count(*) from fa_case where status = 'OPEN'"), "cases",
          "closed: " + count(db, "select count(*) from fa_case where status <> 'OPEN'"));
      report.add(NAME, "task authorizations", count(db, "select count(*) from ACT_RU_AUTHORIZATION"
          + " where RESOURCE_TYPE_ = 7 and RESOURCE_ID_ <> '*'"), "rows", "one or more per task, made by the engine");
      checkClonedTaskCompletes(run, db, report);

      List<String> groups = strings(db, "select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", USER);
      String candidateGroups = String.join(",", groups);
      String query = "candidateGroups=" + enc(candidateGroups) + "&sortBy=dueDate&sortOrder=asc";
      long expected = count(db, "select count(*) from ACT_RU_TASK t where t.ASSIGNEE_ is null"
          + " and (t.TENANT_ID_ is null or t.TENANT_ID_ in (select TENANT_ID_ from ACT_ID_TENANT_MEMBER"
          + "   where USER_ID_ = ? or GROUP_ID_ in (select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?)))"
          + " and exists (select 1 from ACT_RU_IDENTITYLINK l where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'"
          + "   and l.GROUP_ID_ in (select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?))", USER, USER, USER);

      // isolation and correctness on the generated data
      JsonNode page = getJson(USER, "/engine-rest/task?" + query + "&firstResult=0&maxResults=50");
      long foreign = 0;
      for (JsonNode task : page) {
        if (!TENANT.equals(task.path("tenantId").asText())) {
          foreign++;
        }
      }
      report.add(NAME, "check: other tenants' tasks on " + USER + "'s page", foreign, "tasks", "= 0", foreign == 0,
          page.size() + " tasks on the page");
      long counted = getJson(USER, "/engine-rest/task/count?" + query).path("count").asLong(-1);
      report.add(NAME, "check: task count equals SQL", counted == expected ? 1 : 0, "", "= 1", counted == expected,
          "REST " + counted + ", SQL (unassigned candidate tasks of the user's groups and tenants) " + expected);
      long otherExists = count(db, "select count(*) from ACT_RU_IDENTITYLINK where GROUP_ID_ = ?", OTHER_GROUP);
      long otherSeen = getJson(USER, "/engine-rest/task/count?candidateGroups=" + OTHER_GROUP).path("count")
          .asLong(-1);
      report.add(NAME, "check: " + OTHER_GROUP + " tasks visible to " + USER, otherSeen, "tasks", "= 0",
          otherSeen == 0, otherExists + " such tasks exist");
      String otherKey = strings(db, "select business_key from fa_case where tenant_id <> ? order by id limit 1",
          TENANT).get(0);
      int otherCase = status(MANAGER, "/api/cases/" + otherKey);
      report.add(NAME, "check: another tenant's case view refused", otherCase == 404 || otherCase == 403 ? 1 : 0,
          "", "= 1", otherCase == 404 || otherCase == 403, "HTTP " + otherCase + " for " + otherKey);
      int otherStats = status(MANAGER, "/api/stats/overview?tenant=changzhou");
      report.add(NAME, "check: another tenant's statistics refused", otherStats == 403 ? 1 : 0, "", "= 1",
          otherStats == 403, "HTTP " + otherStats);

      int repetitions = run.scale().queryRepetitions();
      latency(report, "task page (50, " + USER + ")", repetitions, "GET /engine-rest/task, candidate groups "
          + candidateGroups + ", due date ascending; " + expected + " tasks match",
          () -> getJson(USER, "/engine-rest/task?" + query + "&firstResult=0&maxResults=50"));
      latency(report, "task count (" + USER + ")", repetitions, "GET /engine-rest/task/count, " + expected
          + " tasks", () -> getJson(USER, "/engine-rest/task/count?" + query));

      List<String> keys = strings(db, "select business_key from fa_case where tenant_id = ? order by id desc"
          + " limit 500", TENANT);
      int[] next = {0};
      latency(report, "case view", repetitions, "GET /api/cases/{key} as " + MANAGER + ", " + keys.size()
          + " cases in turn", () -> getJson(MANAGER, "/api/cases/" + keys.get(next[0]++ % keys.size())));
    }

    for (String endpoint : List.of("overview", "open-cases", "deadlines", "monthly", "measures", "durations",
        "exemptions", "reviews")) {
      latency(report, "GET /api/stats/" + endpoint, run.scale().queryRepetitions(), "as " + MANAGER,
          () -> getJson(MANAGER, "/api/stats/" + endpoint));
    }
    DashboardQueries queries = run.bean(DashboardQueries.class);
    List<String> all = WholeCaseDriver.TENANTS;
    LocalDate to = LocalDate.now().plusDays(1);
    LocalDate from = to.minusYears(2);
    // the figures kept in monthly roll-ups take whole months: the same two years, this month included
    YearMonth toMonth = YearMonth.now();
    YearMonth fromMonth = toMonth.minusMonths(23);
    Map<String, Callable<Object>> direct = new LinkedHashMap<>();
    direct.put("openCasesByStage", () -> queries.openCasesByStage(all));
    direct.put("openDeadlineGroups", () -> queries.openDeadlineGroups(all));
    direct.put("urgentDeadlines", () -> queries.urgentDeadlines(all, LocalDate.now(), 200));
    direct.put("takenInPerMonth", () -> queries.takenInPerMonth(all, fromMonth, toMonth));
    direct.put("closedPerMonth", () -> queries.closedPerMonth(all, fromMonth, toMonth));
    direct.put("decidedMeasures", () -> queries.decidedMeasures(all, fromMonth, toMonth));
    direct.put("stageDurations", () -> queries.stageDurations(all, fromMonth, toMonth));
    direct.put("exemptions", () -> queries.exemptions(all, fromMonth, toMonth));
    direct.put("reviewOutcomes", () -> queries.reviewOutcomes(all, from, to));
    direct.put("decisionsIssued", () -> queries.decisionsIssued(all, from, to));
    for (Map.Entry<String, Callable<Object>> q : direct.entrySet()) {
      latency(report, "DashboardQueries." + q.getKey(), run.scale().queryRepetitions(),
          "all four tenants, two years", q.getValue());
    }
  }

  /**
   * A cloned task is a real task: jinan-investigator claims and completes a cloned PreliminaryCheck (filing the case)
   * through the engine, and the clone's instance waits at ApproveFiling while its template still waits where it was.
   */
  private static void checkClonedTaskCompletes(BenchmarkRun run, Connection db, BenchmarkReport report)
      throws SQLException {
    List<String> found = strings(db, "select ID_ || ' ' || PROC_INST_ID_ from ACT_RU_TASK where TENANT_ID_ = ?"
        + " and TASK_DEF_KEY_ = 'PreliminaryCheck' and right(ID_, 12) like ? order by ID_ limit 1", TENANT,
        CaseDataGenerator.CLONE_NODE + "%");
    if (found.isEmpty()) {
      report.add(NAME, "check: a cloned task completes", 0, "", "= 1", false, "no cloned PreliminaryCheck task");
      return;
    }
    String taskId = found.get(0).split(" ")[0];
    String instance = found.get(0).split(" ")[1];
    IdentityService identity = run.bean(IdentityService.class);
    TaskService tasks = run.bean(TaskService.class);
    List<String> groups = strings(db, "select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", USER);
    String note;
    boolean ok;
    identity.setAuthentication(USER, groups, List.of(TENANT));
    try {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      tasks.claim(taskId, USER);
      tasks.complete(taskId, Map.of("checkOutcome", "FILE"));
      long next = count(db, "select count(*) from ACT_RU_TASK where PROC_INST_ID_ = ? and TASK_DEF_KEY_ ="
          + " 'ApproveFiling'", instance);
      // the template: the instance whose id differs from the clone's only in the node part
      long templateStill = count(db, "select count(*) from ACT_RU_TASK where left(PROC_INST_ID_, 24) = left(?, 24)"
          + " and right(PROC_INST_ID_, 12) not like ? and TASK_DEF_KEY_ = 'PreliminaryCheck'", instance,
          CaseDataGenerator.CLONE_NODE + "%");
      ok = task != null && next == 1 && templateStill == 1;
      note = "task " + taskId + " visible " + (task != null) + ", clone at ApproveFiling " + next
          + ", template still at PreliminaryCheck " + templateStill;
    } catch (RuntimeException e) {
      ok = false;
      note = "failed: " + e;
    } finally {
      identity.clearAuthentication();
    }
    report.add(NAME, "check: a cloned task completes", ok ? 1 : 0, "", "= 1", ok, note);
  }

  /** Runs the query a few times to warm up, then {@code repetitions} times; reports p50 and p95 (target). */
  private static void latency(BenchmarkReport report, String metric, int repetitions, String note,
      Callable<?> query) throws Exception {
    for (int i = 0; i < Math.min(5, repetitions); i++) {
      query.call();
    }
    double[] millis = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long started = System.nanoTime();
      query.call();
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    Arrays.sort(millis);
    report.add(NAME, metric + " p50", JobAcquisitionSection.percentile(millis, 50), "ms", note);
    report.atMost(NAME, metric + " p95", JobAcquisitionSection.percentile(millis, 95), "ms", TARGET_MS,
        repetitions + " repetitions");
  }

  private JsonNode getJson(String user, String path) throws Exception {
    HttpResponse<String> response = http.send(request(user, path), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " as " + user + ": HTTP " + response.statusCode() + " "
          + response.body());
    }
    return json.readTree(response.body());
  }

  private int status(String user, String path) throws Exception {
    return http.send(request(user, path), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpRequest request(String user, String path) {
    String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + basic)
        .header("Accept", "application/json").timeout(Duration.ofMinutes(5)).GET().build();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static long count(Connection db, String sql, String... parameters) throws SQLException {
    try (PreparedStatement select = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> strings(Connection db, String sql, String... parameters) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement select = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }
}
