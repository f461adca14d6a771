package cn.faultaccountability.dashboard;

import cn.faultaccountability.calendar.DeadlineStage;
import cn.faultaccountability.cases.CaseAccess;
import cn.faultaccountability.cases.CaseViewController;
import cn.faultaccountability.dashboard.DashboardQueries.DeadlineGroup;
import cn.faultaccountability.dashboard.DashboardQueries.Exemptions;
import cn.faultaccountability.dashboard.DashboardQueries.OpenDeadline;
import cn.faultaccountability.dashboard.DashboardQueries.StageDuration;
import cn.faultaccountability.dashboard.DashboardQueries.TenantCount;
import cn.faultaccountability.dashboard.DashboardQueries.UnitMeasureCount;
import cn.faultaccountability.decisions.VocabularyCodes;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures (docs/dashboard.md says what each means) for a scope of tenants the caller may see, as
 * JSON-ready maps with Chinese names beside the codes.
 */
@Service
public class DashboardService {

  /** The deadline board lists at most this many YELLOW and RED deadlines, the most urgent first. */
  static final int ATTENTION_LIMIT = 200;
  static final List<String> COLOURS = List.of("RED", "YELLOW", "GREEN", "SUSPENDED");
  private static final Map<String, String> OUTCOMES = Map.of("UPHOLD", "维持", "MODIFY", "变更", "REVOKE", "撤销",
      "PENDING", "尚未决定");

  private final DashboardQueries queries;
  private final TaskService taskService;
  private final CaseAccess access;
  private final VocabularyCodes codes;

  public DashboardService(DashboardQueries queries, TaskService taskService, CaseAccess access,
      VocabularyCodes codes) {
    this.queries = queries;
    this.taskService = taskService;
    this.access = access;
    this.codes = codes;
  }

  /** Which tenants, which months: [from, to] as whole months, and today on the engine clock. */
  public record Scope(List<String> tenants, YearMonth from, YearMonth to, LocalDate today) {
    LocalDate start() {
      return from.atDay(1);
    }

    LocalDate end() {
      return to.plusMonths(1).atDay(1);
    }
  }

  public Map<String, Object> openCasesByStage(Scope scope) {
    Map<String, Long> byStage = new TreeMap<>();
    for (TenantCount c : queries.openCasesByStage(scope.tenants())) {
      byStage.merge(c.key(), c.count(), Long::sum);
    }
    List<Map<String, Object>> stages = new ArrayList<>();
    byStage.forEach((stage, count) -> stages.add(entry("stage", stage, "stageName",
        CaseViewController.stageName(stage), "count", count)));
    return entry("total", byStage.values().stream().mapToLong(Long::longValue).sum(), "stages", stages);
  }

  public Map<String, Object> deadlines(Scope scope) {
    Map<String, Long> counts = new LinkedHashMap<>();
    COLOURS.forEach(c -> counts.put(c, 0L));
    for (DeadlineGroup g : queries.openDeadlineGroups(scope.tenants())) {
      counts.merge(colour(g, scope.today()), g.count(), Long::sum);
    }
    long urgent = counts.get("RED") + counts.get("YELLOW");
    List<Map<String, Object>> attention = new ArrayList<>();
    List<OpenDeadline> shown = queries.urgentDeadlines(scope.tenants(), scope.today(), ATTENTION_LIMIT);
    Map<String, List<Task>> tasks = openTasks(shown);
    for (OpenDeadline d : shown) {
      long daysLeft = ChronoUnit.DAYS.between(scope.today(), d.dueOn());
      Map<String, Object> m = entry("businessKey", d.businessKey(), "tenantId", d.tenantId(),
          "tenantName", Tenants.name(d.tenantId()), "unitName", d.unitName(), "caseStage", d.caseStage(),
          "caseStageName", CaseViewController.stageName(d.caseStage()), "deadlineStage", d.deadlineStage(),
          "deadlineStageName", DeadlineStage.byCode(d.deadlineStage()).map(DeadlineStage::chineseName)
              .orElse(d.deadlineStage()),
          "colour", colour(d, scope.today()), "dueDate", d.dueOn().toString(),
          "daysLeft", Math.max(daysLeft, 0), "daysOverdue", Math.max(-daysLeft, 0),
          "caseUrl", "/api/cases/" + d.businessKey());
      m.put("tasks", tasks.getOrDefault(d.processInstanceId(), List.of()).stream()
          .map(t -> entry("name", t.getName(), "tasklistUrl", "/camunda/app/tasklist/default/#/?task=" + t.getId()))
          .toList());
      attention.add(m);
    }
    return entry("today", scope.today().toString(), "counts", counts, "attentionTotal", urgent,
        "attention", attention);
  }

  /** The same colour as the case view, from the same rule. */
  static String colour(OpenDeadline d, LocalDate today) {
    return CaseViewController.colour(false, d.suspended(), d.dueOn(), d.warnOn(), today);
  }

  static String colour(DeadlineGroup g, LocalDate today) {
    return CaseViewController.colour(false, g.suspended(), g.dueOn(), g.warnOn(), today);
  }

  /** The open tasks of the listed cases, one query; read as the system once the cases are known to be visible. */
  private Map<String, List<Task>> openTasks(List<OpenDeadline> deadlines) {
    String[] instances = deadlines.stream().map(OpenDeadline::processInstanceId)
        .filter(id -> id != null).distinct().toArray(String[]::new);
    if (instances.length == 0) {
      return Map.of();
    }
    return access.asSystem(() -> taskService.createTaskQuery().processInstanceIdIn(instances)
        .orderByTaskCreateTime().asc().list().stream()
        .collect(Collectors.groupingBy(Task::getProcessInstanceId, LinkedHashMap::new, Collectors.toList())));
  }

  public Map<String, Object> monthly(Scope scope) {
    Map<String, long[]> months = new LinkedHashMap<>();
    for (YearMonth m = scope.from(); !m.isAfter(scope.to()); m = m.plusMonths(1)) {
      months.put(m.toString(), new long[2]);
    }
    for (TenantCount c : queries.takenInPerMonth(scope.tenants(), scope.from(), scope.to())) {
      months.get(c.key())[0] += c.count();
    }
    for (TenantCount c : queries.closedPerMonth(scope.tenants(), scope.from(), scope.to())) {
      months.get(c.key())[1] += c.count();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    months.forEach((month, n) -> rows.add(entry("month", month, "takenIn", n[0], "closed", n[1])));
    return entry("months", rows);
  }

  public Map<String, Object> measures(Scope scope) {
    Map<String, Map<String, Long>> byUnit = new TreeMap<>();
    Map<String, Long> byType = new TreeMap<>();
    for (UnitMeasureCount c : queries.decidedMeasures(scope.tenants(), scope.from(), scope.to())) {
      byUnit.computeIfAbsent(c.unit(), u -> new TreeMap<>()).merge(c.measure(), c.count(), Long::sum);
      byType.merge(c.measure(), c.count(), Long::sum);
    }
    List<Map<String, Object>> units = new ArrayList<>();
    byUnit.forEach((unit, measures) -> units.add(entry("unit", unit,
        "count", measures.values().stream().mapToLong(Long::longValue).sum(),
        "measures", measures.entrySet().stream().map(e -> measure(e.getKey(), e.getValue())).toList())));
    units.sort(Comparator.comparing((Map<String, Object> u) -> (Long) u.get("count")).reversed());
    List<Map<String, Object>> types = new ArrayList<>();
    byType.forEach((code, count) -> types.add(measure(code, count)));
    types.sort(Comparator.comparing((Map<String, Object> t) -> (Long) t.get("count")).reversed());
    return entry("total", byType.values().stream().mapToLong(Long::longValue).sum(), "byUnit", units,
        "byType", types);
  }

  private Map<String, Object> measure(String code, long count) {
    return entry("measure", code, "measureName", codes.term("measures", code), "count", count);
  }

  public Map<String, Object> durations(Scope scope) {
    List<Map<String, Object>> stages = new ArrayList<>();
    for (StageDuration d : queries.stageDurations(scope.tenants(), scope.from(), scope.to())) {
      stages.add(entry("stage", d.stage(), "stageName", DeadlineStage.byCode(d.stage())
          .map(DeadlineStage::chineseName).orElse(d.stage()), "medianDays", d.medianDays(), "count", d.count()));
    }
    stages.sort(Comparator.comparing(s -> DeadlineStage.byCode((String) s.get("stage"))
        .map(Enum::ordinal).orElse(Integer.MAX_VALUE)));
    return entry("stages", stages);
  }

  public Map<String, Object> exemptions(Scope scope) {
    long assessed = 0;
    long exempt = 0;
    for (Exemptions e : queries.exemptions(scope.tenants(), scope.from(), scope.to())) {
      assessed += e.assessed();
      exempt += e.exempt();
    }
    return entry("assessed", assessed, "exempt", exempt, "rate", assessed == 0 ? null : (double) exempt / assessed);
  }

  public Map<String, Object> reviews(Scope scope) {
    Map<String, Long> outcomes = new LinkedHashMap<>();
    List.of("UPHOLD", "MODIFY", "REVOKE", "PENDING").forEach(o -> outcomes.put(o, 0L));
    for (TenantCount c : queries.reviewOutcomes(scope.tenants(), scope.start(), scope.end())) {
      outcomes.merge(c.key(), c.count(), Long::sum);
    }
    long decisions = queries.decisionsIssued(scope.tenants(), scope.start(), scope.end()).stream()
        .mapToLong(TenantCount::count).sum();
    long applications = outcomes.values().stream().mapToLong(Long::longValue).sum();
    List<Map<String, Object>> rows = new ArrayList<>();
    outcomes.forEach((o, n) -> rows.add(entry("outcome", o, "outcomeName", OUTCOMES.get(o), "count", n)));
    return entry("decisions", decisions, "applications", applications,
        "rate", decisions == 0 ? null : (double) applications / decisions, "outcomes", rows);
  }

  public Map<String, Object> overview(Scope scope) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("scope", entry("tenants", scope.tenants().stream().map(t -> entry("id", t, "name", Tenants.name(t)))
        .toList(), "from", scope.from().toString(), "to", scope.to().toString(), "today", scope.today().toString()));
    all.put("openCases", openCasesByStage(scope));
    all.put("deadlines", deadlines(scope));
    all.put("monthly", monthly(scope));
    all.put("measures", measures(scope));
    all.put("durations", durations(scope));
    all.put("exemptions", exemptions(scope));
    all.put("reviews", reviews(scope));
    return all;
  }

  /** A JSON object keeping the order of its keys, with null values allowed. */
  static Map<String, Object> entry(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
