package cn.faultaccountability.dashboard;

import cn.faultaccountability.cases.CaseAccess;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.dashboard.DashboardService.Scope;
import cn.faultaccountability.deadlines.DeadlineService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures as JSON ({@code /api/stats/...}), scoped exactly like the case API: the caller's own
 * tenants (jurisdictions), or one of them with {@code ?tenant=}; a tenant the caller does not belong to is refused.
 * {@code from} and {@code to} (YYYY-MM) bound the figures about the past; by default the twelve months up to today.
 */
@RestController
public class StatsController {

  /** The longest period one request may cover (ten years). */
  static final int MAX_MONTHS = 120;

  private final DashboardService dashboard;
  private final CaseAccess access;

  public StatsController(DashboardService dashboard, CaseAccess access) {
    this.dashboard = dashboard;
    this.access = access;
  }

  /** The caller is not a member of the tenant asked for (or it does not exist: both look the same). */
  static class TenantRefused extends RuntimeException {
    TenantRefused(String tenant) {
      super(tenant == null ? "您不属于任何辖区，没有可查看的统计" : "您不属于辖区 " + tenant + "，无权查看其统计");
    }
  }

  @ExceptionHandler(TenantRefused.class)
  ResponseEntity<Map<String, Object>> refused(TenantRefused e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "forbidden", "message", e.getMessage(),
        "errors", List.of(new FieldError("tenant", e.getMessage()))));
  }

  /** The tenants the caller may choose from, with their Chinese names. */
  @GetMapping("/api/stats/tenants")
  public Map<String, Object> tenants() {
    return Map.of("tenants", access.tenants().stream().sorted()
        .map(t -> DashboardService.entry("id", t, "name", Tenants.name(t))).toList());
  }

  @GetMapping("/api/stats/overview")
  public Map<String, Object> overview(@RequestParam(required = false) String tenant,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return dashboard.overview(scope(tenant, from, to));
  }

  @GetMapping("/api/stats/open-cases")
  public Map<String, Object> openCases(@RequestParam(required = false) String tenant) {
    return dashboard.openCasesByStage(scope(tenant, null, null));
  }

  @GetMapping("/api/stats/deadlines")
  public Map<String, Object> deadlines(@RequestParam(required = false) String tenant) {
    return dashboard.deadlines(scope(tenant, null, null));
  }

  @GetMapping("/api/stats/monthly")
  public Map<String, Object> monthly(@RequestParam(required = false) String tenant,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return dashboard.monthly(scope(tenant, from, to));
  }

  @GetMapping("/api/stats/measures")
  public Map<String, Object> measures(@RequestParam(required = false) String tenant,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return dashboard.measures(scope(tenant, from, to));
  }

  @GetMapping("/api/stats/durations")
  public Map<String, Object> durations(@RequestParam(required = false) String tenant,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return dashboard.durations(scope(tenant, from, to));
  }

  @GetMapping("/api/stats/exemptions")
  public Map<String, Object> exemptions(@RequestParam(required = false) String tenant,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return dashboard.exemptions(scope(tenant, from, to));
  }

  @GetMapping("/api/stats/reviews")
  public Map<String, Object> reviews(@RequestParam(required = false) String tenant,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return dashboard.reviews(scope(tenant, from, to));
  }

  private Scope scope(String tenant, String from, String to) {
    List<String> mine = access.tenants();
    List<String> tenants;
    if (tenant == null || tenant.isBlank()) {
      if (mine.isEmpty()) {
        throw new TenantRefused(null);
      }
      tenants = List.copyOf(mine);
    } else if (mine.contains(tenant)) {
      tenants = List.of(tenant);
    } else {
      throw new TenantRefused(tenant);
    }
    LocalDate today = DeadlineService.today();
    List<FieldError> errors = new ArrayList<>();
    YearMonth end = month("to", to, YearMonth.from(today), errors);
    YearMonth start = month("from", from, end.minusMonths(11), errors);
    if (errors.isEmpty() && start.isAfter(end)) {
      errors.add(new FieldError("from", "起始月份不得晚于截止月份 " + end));
    } else if (errors.isEmpty() && start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
      errors.add(new FieldError("from", "统计期间最长 " + MAX_MONTHS + " 个月"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Scope(tenants, start, end, today);
  }

  private static YearMonth month(String field, String value, YearMonth fallback, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "月份格式应为 YYYY-MM，例如 2026-03"));
      return fallback;
    }
  }
}
