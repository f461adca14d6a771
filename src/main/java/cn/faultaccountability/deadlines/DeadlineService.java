package cn.faultaccountability.deadlines;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.calendar.CalendarStore;
import cn.faultaccountability.calendar.DeadlineRule;
import cn.faultaccountability.calendar.DeadlineStage;
import cn.faultaccountability.calendar.DeadlineState;
import cn.faultaccountability.calendar.DueDate;
import cn.faultaccountability.calendar.DueDateCalculator;
import cn.faultaccountability.calendar.Extension;
import cn.faultaccountability.calendar.StatutoryDeadlines;
import cn.faultaccountability.calendar.Suspension;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.deadlines.DeadlineRepository.DeadlineRow;
import cn.faultaccountability.platform.Jurisdiction;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The statutory deadlines of a case (SPEC §3): the period comes from the tenant's {@code statutory-deadlines} table,
 * the due date from the working-day calendar, and the stage's timers read it from here
 * ({@code ${deadlines.dueAt(execution, 'STAGE')}}). Extensions and suspensions recompute the due date and move the
 * stage's pending timers, so sending work back inside a stage neither drops nor restarts them.
 */
@Component("deadlines")
public class DeadlineService {

  private final DeadlineRepository repository;
  private final CaseRepository cases;
  private final StatutoryDeadlines statutoryDeadlines;
  private final DueDateCalculator calculator;
  private final CalendarStore calendarStore;
  private final ManagementService managementService;

  public DeadlineService(DeadlineRepository repository, CaseRepository cases, StatutoryDeadlines statutoryDeadlines,
      DueDateCalculator calculator, CalendarStore calendarStore, ManagementService managementService) {
    this.repository = repository;
    this.cases = cases;
    this.statutoryDeadlines = statutoryDeadlines;
    this.calculator = calculator;
    this.calendarStore = calendarStore;
    this.managementService = managementService;
  }

  /** Today on the engine's clock (tests move it). */
  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }

  /** Starts the stage's deadline counting from the day after {@code event}. */
  public DueDate start(DelegateExecution execution, DeadlineStage stage, LocalDate event) {
    long caseId = caseId(execution);
    String tenantId = execution.getTenantId();
    String tenantName = Jurisdiction.byTenantId(tenantId).map(Jurisdiction::chineseName).orElse(tenantId);
    StatutoryDeadlines.StageRule rule = statutoryDeadlines.rule(tenantId, tenantName, stage);
    // the table version used is recorded by DecisionUsageRecorder, as for every decision a case evaluates
    DueDate due = calculator.compute(event, rule.rule(), List.of(), List.of());
    reportProvisional(due);
    repository.insert(new DeadlineRow(0, caseId, stage.name(), event, rule.period(), rule.rule().countWorkingDays(),
        rule.warnBefore(), rule.maxExtension(), rule.rule().basis(), due.dueDate(), due.warnFrom(), due.provisional(),
        due.state(today()).name(), null, explanation(due), "[]", "[]", null, null));
    cases.event(caseId, "DEADLINE_STARTED", null, stage.chineseName() + "期限至 " + due.dueDate()
        + (due.provisional() ? "（暂定：该年度工作日历尚未录入）" : "") + "；" + rule.rule().basis());
    return due;
  }

  /** When the stage's deadline has lapsed: the start of the day after the due date. */
  public Date dueAt(DelegateExecution execution, String stage) {
    return startOfDay(current(execution, stage).dueOn().plusDays(1));
  }

  /** When the warning window (YELLOW) opens. */
  public Date warnAt(DelegateExecution execution, String stage) {
    return startOfDay(current(execution, stage).warnOn());
  }

  /** The stage ended: its deadline is met (or was lapsed and is now done). */
  public void close(DelegateExecution execution, String stage) {
    repository.current(caseId(execution), stage).ifPresent(row -> repository.close(row.id()));
  }

  public void mark(DelegateExecution execution, String stage, DeadlineState state) {
    DeadlineRow row = current(execution, stage);
    repository.state(row.id(), state.name());
    cases.event(row.caseId(), "DEADLINE_" + state.name(), null,
        DeadlineStage.valueOf(stage).chineseName() + "期限" + state.chineseName() + "（截止 " + row.dueOn() + "）");
  }

  /**
   * Extends the stage (e.g. Jinan 19: at most 30 days with the head's approval); all extensions together stay within
   * the table's {@code maxExtension}.
   */
  public DueDate extend(DelegateExecution execution, String stage, Period length, String reason, String actor) {
    DeadlineRow row = current(execution, stage);
    if (row.maxExtension() == null) {
      throw new DeadlineRefusedException("extension",
          DeadlineStage.valueOf(stage).chineseName() + "期限依法不得延长（" + row.basis() + "）");
    }
    List<Extension> extensions = extensions(row);
    extensions.add(new Extension(length, reason));
    int total = extensions.stream().mapToInt(e -> e.length().getDays()).sum();
    Period cap = Period.parse(row.maxExtension());
    if (length.getYears() != 0 || length.getMonths() != 0 || total > cap.getDays()) {
      throw new DeadlineRefusedException("extension", "延长期限合计不得超过 " + cap.getDays() + " 日（" + row.basis()
          + "），已延长 " + (total - length.getDays()) + " 日");
    }
    DueDate due = recompute(execution, row, extensions, suspensions(row));
    cases.event(row.caseId(), "DEADLINE_EXTENDED", actor, DeadlineStage.valueOf(stage).chineseName() + "期限延长 "
        + length.getDays() + " 日至 " + due.dueDate() + "；理由：" + reason);
    return due;
  }

  /** Suspends (中止) the stage: its timers stop until it is resumed. */
  public void suspend(DelegateExecution execution, String stage, String reason, String actor) {
    DeadlineRow row = current(execution, stage);
    if (row.suspendedSince() != null) {
      throw new DeadlineRefusedException("suspension", "该阶段已于 " + row.suspendedSince() + " 中止");
    }
    repository.suspendedSince(row.id(), today());
    for (Job job : stageTimers(execution, stage)) {
      timer(job).setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
    }
    cases.event(row.caseId(), "STAGE_SUSPENDED", actor,
        DeadlineStage.valueOf(stage).chineseName() + "自 " + today() + " 中止；理由：" + reason);
  }

  /** Resumes the stage: the due date moves by the days suspended and the timers run again. */
  public DueDate resume(DelegateExecution execution, String stage, String reason, String actor) {
    DeadlineRow row = current(execution, stage);
    if (row.suspendedSince() == null) {
      throw new DeadlineRefusedException("suspension", "该阶段未中止，无需恢复");
    }
    List<Suspension> suspensions = suspensions(row);
    suspensions.add(new Suspension(row.suspendedSince(), today(), reason));
    repository.suspendedSince(row.id(), null);
    DueDate due = recompute(execution, row, extensions(row), suspensions);
    for (Job job : stageTimers(execution, stage)) {
      timer(job).setSuspensionState(SuspensionState.ACTIVE.getStateCode());
    }
    cases.event(row.caseId(), "STAGE_RESUMED", actor, DeadlineStage.valueOf(stage).chineseName() + "于 " + today()
        + " 恢复，期限顺延至 " + due.dueDate() + "；理由：" + reason);
    return due;
  }

  public List<DeadlineRow> forCase(long caseId) {
    return repository.forCase(caseId);
  }

  private DueDate recompute(DelegateExecution execution, DeadlineRow row, List<Extension> extensions,
      List<Suspension> suspensions) {
    DeadlineRule rule = DeadlineRule.of(row.period(), row.maxExtension(), row.countWorkingDays(), row.warnBefore(),
        row.basis());
    DueDate due = calculator.compute(row.eventOn(), rule, extensions, suspensions);
    reportProvisional(due);
    repository.recomputed(row.id(), due.dueDate(), due.warnFrom(), due.provisional(), explanation(due),
        JsonVariables.text(extensions.stream().map(e -> Map.of("length", e.length().toString(), "reason",
            e.reason())).toList()),
        JsonVariables.text(suspensions.stream().map(s -> Map.of("suspendedOn", s.suspendedOn().toString(),
            "resumedOn", s.resumedOn().toString(), "reason", s.reason())).toList()),
        due.state(today()).name());
    // move the stage's pending timers to the new dates
    for (Job job : stageTimers(execution, row.stage())) {
      String method = timerMethod(execution, job);
      LocalDate day = "warnAt".equals(method) ? due.warnFrom() : due.dueDate().plusDays(1);
      timer(job).setDuedate(startOfDay(day));
    }
    return due;
  }

  /**
   * The timer as an entity of the running command: due date and suspension change in one update of the row, which
   * the management service's separate bulk updates would not (optimistic locking).
   */
  private static JobEntity timer(Job job) {
    return Context.getCommandContext().getJobManager().findJobById(job.getId());
  }

  /** The pending timers of this process instance whose BPMN date expression names the stage. */
  private List<Job> stageTimers(DelegateExecution execution, String stage) {
    List<Job> timers = new ArrayList<>();
    for (Job job : managementService.createJobQuery().processInstanceId(execution.getProcessInstanceId())
        .timers().list()) {
      String expression = timerExpression(execution, job);
      if (expression != null && expression.contains("'" + stage + "'")) {
        timers.add(job);
      }
    }
    return timers;
  }

  private String timerMethod(DelegateExecution execution, Job job) {
    String expression = timerExpression(execution, job);
    return expression != null && expression.contains("warnAt") ? "warnAt" : "dueAt";
  }

  private String timerExpression(DelegateExecution execution, Job job) {
    JobDefinition definition = managementService.createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId()).singleResult();
    if (definition == null) {
      return null;
    }
    ModelElementInstance element = execution.getBpmnModelInstance().getModelElementById(definition.getActivityId());
    if (element == null) {
      return null;
    }
    for (TimerEventDefinition timer : element.getChildElementsByType(TimerEventDefinition.class)) {
      if (timer.getTimeDate() != null) {
        return timer.getTimeDate().getTextContent();
      }
    }
    return null;
  }

  private DeadlineRow current(DelegateExecution execution, String stage) {
    return repository.current(caseId(execution), stage).orElseThrow(() -> new IllegalStateException(
        "案件没有 " + stage + " 阶段的期限：流程应先计算期限"));
  }

  private void reportProvisional(DueDate due) {
    if (due.provisional()) {
      calendarStore.reportProvisional(due.missingYears());
    }
  }

  private static long caseId(DelegateExecution execution) {
    return ((Number) execution.getVariable(ProcessConstants.VAR_CASE_ID)).longValue();
  }

  private static String explanation(DueDate due) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", due.text());
    value.put("steps", due.steps());
    return JsonVariables.text(value);
  }

  private static List<Extension> extensions(DeadlineRow row) {
    List<Extension> result = new ArrayList<>();
    for (Map<String, Object> e : JsonVariables.list(row.extensions())) {
      result.add(new Extension(Period.parse((String) e.get("length")), (String) e.get("reason")));
    }
    return result;
  }

  private static List<Suspension> suspensions(DeadlineRow row) {
    List<Suspension> result = new ArrayList<>();
    for (Map<String, Object> s : JsonVariables.list(row.suspensions())) {
      result.add(new Suspension(LocalDate.parse((String) s.get("suspendedOn")),
          LocalDate.parse((String) s.get("resumedOn")), (String) s.get("reason")));
    }
    return result;
  }

  private static Date startOfDay(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
