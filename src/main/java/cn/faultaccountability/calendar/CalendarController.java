package cn.faultaccountability.calendar;

import cn.faultaccountability.platform.Jurisdiction;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/calendar/due-date} (SPEC §5): the due date the engine would use for a stage of a tenant, with how it
 * was computed; {@code GET /api/calendar}: which calendar years are in force, missing or refused.
 */
@RestController
public class CalendarController {

  private final StatutoryDeadlines deadlines;
  private final DueDateCalculator calculator;
  private final CalendarStore store;
  private final IdentityService identityService;

  public CalendarController(StatutoryDeadlines deadlines, DueDateCalculator calculator, CalendarStore store,
      IdentityService identityService) {
    this.deadlines = deadlines;
    this.calculator = calculator;
    this.store = store;
    this.identityService = identityService;
  }

  public record FieldError(String field, String message) {}

  /** Error body: the first problem as {@code field}/{@code message}, all of them in {@code errors}. */
  public record ApiError(String error, String field, String message, List<FieldError> errors) {
    static ApiError of(String error, List<FieldError> errors) {
      return new ApiError(error, errors.get(0).field(), errors.get(0).message(), errors);
    }
  }

  public record Decision(String key, String id, int version, String versionTag) {}

  public record Explanation(List<ExplanationStep> steps, String text) {}

  public record DueDateResponse(String tenant, String stage, String stageName, LocalDate from, LocalDate dueDate,
      boolean provisional, List<Integer> missingYears, String period, boolean countWorkingDays, String warnBefore,
      LocalDate warnFrom, String maxExtension, String basis, Decision decision, Explanation explanation) {}

  @GetMapping("/api/calendar/due-date")
  public ResponseEntity<?> dueDate(@RequestParam(required = false) String tenant,
      @RequestParam(required = false) String stage, @RequestParam(required = false) String from) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Jurisdiction> jurisdiction = Optional.empty();
    if (blank(tenant)) {
      errors.add(new FieldError("tenant", "缺少辖区（租户）参数，可选：" + tenants()));
    } else {
      jurisdiction = Jurisdiction.byTenantId(tenant);
      if (jurisdiction.isEmpty()) {
        errors.add(new FieldError("tenant", "未知的辖区“" + tenant + "”，可选：" + tenants()));
      }
    }
    Optional<DeadlineStage> deadlineStage = Optional.empty();
    if (blank(stage)) {
      errors.add(new FieldError("stage", "缺少阶段参数，可选：" + stages()));
    } else {
      deadlineStage = DeadlineStage.byCode(stage);
      if (deadlineStage.isEmpty()) {
        errors.add(new FieldError("stage", "未知的阶段“" + stage + "”，可选：" + stages()));
      }
    }
    LocalDate event = null;
    if (blank(from)) {
      errors.add(new FieldError("from", "缺少起算事件日期，格式 YYYY-MM-DD"));
    } else {
      try {
        event = LocalDate.parse(from);
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("from", "“" + from + "”不是有效日期，格式应为 YYYY-MM-DD，例如 2026-10-01"));
      }
    }
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(ApiError.of("invalid-request", errors));
    }
    Jurisdiction j = jurisdiction.orElseThrow();
    if (!isMember(j.tenantId())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of("forbidden",
          List.of(new FieldError("tenant", "您不属于" + j.chineseName() + "（" + j.tenantId() + "），无权查看其期限"))));
    }

    StatutoryDeadlines.StageRule stageRule;
    try {
      stageRule = deadlines.rule(j.tenantId(), j.chineseName(), deadlineStage.orElseThrow());
    } catch (StatutoryDeadlines.NotFound e) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ApiError.of("not-found", List.of(new FieldError(e.field(), e.getMessage()))));
    } catch (StatutoryDeadlines.InvalidTable e) {
      return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
          .body(ApiError.of("invalid-deadlines-table", List.of(new FieldError(e.field(), e.getMessage()))));
    }
    DueDate due = calculator.compute(event, stageRule.rule());
    DeadlineRule rule = stageRule.rule();
    return ResponseEntity.ok(new DueDateResponse(j.tenantId(), deadlineStage.get().name(),
        deadlineStage.get().chineseName(), event, due.dueDate(), due.provisional(), List.copyOf(due.missingYears()),
        rule.period().toString(), rule.countWorkingDays(), rule.warnBefore().toString(), due.warnFrom(),
        rule.maxExtension() == null ? null : rule.maxExtension().toString(), rule.basis(),
        new Decision(StatutoryDeadlines.DECISION_KEY, stageRule.decisionDefinitionId(), stageRule.version(),
            stageRule.versionTag()),
        new Explanation(due.steps(), due.text())));
  }

  /** For administrators and anyone signed in: calendar years in force, years missing, files refused. */
  @GetMapping("/api/calendar")
  public CalendarStatusResponse status() {
    CalendarStore.CalendarStatus status = store.status();
    return new CalendarStatusResponse(status.years(), status.missingYears(), status.rejectedFiles(),
        status.externalDir(), status.warning());
  }

  public record CalendarStatusResponse(List<CalendarStore.CalendarStatus.LoadedYear> years, List<Integer> missingYears,
      List<CalendarStore.CalendarStatus.RejectedFile> rejectedFiles, String directory, String warning) {}

  private boolean isMember(String tenantId) {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller != null && (caller.getTenantIds().contains(tenantId)
        || caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN));
  }

  private static String tenants() {
    return Arrays.stream(Jurisdiction.values()).map(j -> j.tenantId() + "（" + j.chineseName() + "）")
        .collect(Collectors.joining("、"));
  }

  private static String stages() {
    return Arrays.stream(DeadlineStage.values()).map(Enum::name).collect(Collectors.joining("、"));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
