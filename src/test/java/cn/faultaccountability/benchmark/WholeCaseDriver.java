package cn.faultaccountability.benchmark;

import cn.faultaccountability.cases.CaseViewController;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.intake.IntakeController;
import cn.faultaccountability.review.ReviewApplicationController;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Drives one whole case, intake to closure, through the Java API as staff do: each step by the demo user of the role
 * that owns it (authorization and tenant checks on), each task looked up, claimed and completed as in Tasklist. Every
 * decision table of the path is evaluated by the process itself (limitation, statutory deadlines of each stage,
 * apportionment, and per party unit liability, circumstances and sanctions). Stage timers are created and cancelled
 * as the case moves; where the path waits for a period to lapse (statement period, review window) that timer job is
 * executed now, as the job executor would on its due date — the engine clock is not moved, so threads share it.
 *
 * <p>One path per jurisdiction, as its regulation draws it:
 * <ul>
 *   <li>jinan: the head determines liability by hand (Jinan 15), the government approves (Jinan 20), no review;</li>
 *   <li>changzhou: apportioned by the table, the respondent applies for review in time, the review upholds;</li>
 *   <li>jilin: filed with the personnel department (Jilin 16), no review;</li>
 *   <li>mingshan: no statement within the period, the leading group determines collectively (Mingshan 7, 16), no
 *       review.</li>
 * </ul>
 * Units repeat across cases (25 per jurisdiction), so earlier faults count as they do in practice.
 */
final class WholeCaseDriver {

  static final List<String> TENANTS = List.of("jinan", "changzhou", "jilin", "mingshan");
  private static final Map<String, String> CITY = Map.of("jinan", "济南市", "changzhou", "常州市", "jilin", "吉林市",
      "mingshan", "明山区");
  private static final int UNITS_PER_TENANT = 25;

  /** What one case cost: its top-level engine commands, its CPU time (both on the driving thread), its wall time. */
  record CaseOutcome(int index, String tenant, String businessKey, String processInstanceId, long commands,
      long cpuNanos, long nanos) {}

  /** Wall and CPU time of one kind of step (a task completion, intake, a timer fired), summed over the cases. */
  record StepTime(String step, long count, long wallNanos, long cpuNanos, long commands) {}

  private final IdentityService identityService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IntakeController intake;
  private final CaseViewController caseView;
  private final ReviewApplicationController reviews;
  private final EngineCommandCounter commands;
  /** A Tasklist session keeps its user's groups and tenants; so does the driver, per user. */
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, LongAdder[]> steps = new ConcurrentHashMap<>();
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private record Session(String userId, List<String> groups, List<String> tenants) {}

  WholeCaseDriver(ApplicationContext application, EngineCommandCounter commands) {
    this.identityService = application.getBean(IdentityService.class);
    this.taskService = application.getBean(TaskService.class);
    this.managementService = application.getBean(ManagementService.class);
    this.intake = application.getBean(IntakeController.class);
    this.caseView = application.getBean(CaseViewController.class);
    this.reviews = application.getBean(ReviewApplicationController.class);
    this.commands = commands;
  }

  static String tenantOf(int index) {
    return TENANTS.get(index % TENANTS.size());
  }

  /** Logs in every demo user of the paths (a session each), so that the measured cases do not. */
  void logInAll() {
    for (String tenant : TENANTS) {
      for (String role : List.of("intake-clerk", "investigator", "supervision-head", "government-approver",
          "hr-clerk", "unit-liaison")) {
        session(tenant + "-" + role);
      }
    }
  }

  /** Drives case {@code index} from intake to closure; throws if any step is refused or the path does not hold. */
  CaseOutcome drive(int index) {
    return driveTo(index, null);
  }

  /**
   * Drives case {@code index} along its path until the task {@code stopAt} is open and returns with it unclaimed
   * (as a case waiting in Tasklist is); {@code null} drives it to closure.
   */
  CaseOutcome driveTo(int index, String stopAt) {
    stopAtTask.set(stopAt);
    try {
      return path(index);
    } catch (Stopped stopped) {
      return new CaseOutcome(index, tenantOf(index), stopped.businessKey, stopped.processInstanceId, 0, 0, 0);
    } finally {
      stopAtTask.remove();
    }
  }

  /** Where {@link #driveTo} stops: the case waits at the task it was asked to stop at. */
  private static final class Stopped extends RuntimeException {
    final String businessKey;
    final String processInstanceId;

    Stopped(String businessKey, String processInstanceId) {
      super(null, null, false, false);
      this.businessKey = businessKey;
      this.processInstanceId = processInstanceId;
    }
  }

  private final ThreadLocal<String> stopAtTask = new ThreadLocal<>();

  private CaseOutcome path(int index) {
    long started = System.nanoTime();
    long cpuBefore = CPU.getCurrentThreadCpuTime();
    long commandsBefore = commands.onThisThread();
    String tenant = tenantOf(index);
    String unit = CITY.get(tenant) + "第" + (index / TENANTS.size() % UNITS_PER_TENANT + 1) + "区市场监督管理局";
    IntakeController.IntakeResult intake = step("intake", () -> as(tenant + "-intake-clerk",
        () -> this.intake.intake(lead(tenant, unit)).getBody()));
    String key = intake.businessKey();
    String pi = intake.processInstanceId();
    String today = LocalDate.now().toString();

    complete(pi, key, "PreliminaryCheck", tenant + "-investigator", vars("checkOutcome", "FILE"));
    complete(pi, key, "ApproveFiling", tenant + "-supervision-head", vars("filingDecision", "APPROVE"));
    complete(pi, key, "Investigate", tenant + "-investigator", findings(tenant));
    switch (tenant) {
      case "jinan" -> {
        statement(pi, key, tenant);
        complete(pi, key, "DetermineLiabilityManually", tenant + "-supervision-head", vars("manualLiabilities",
            JsonVariables.json(Map.of("张三", "SECONDARY", "李四", "MAIN", "王五", "MAIN")),
            "reason", "审核、批准人未尽审查职责"));
        complete(pi, key, "Determine", tenant + "-supervision-head", Map.of());
        complete(pi, key, "GovernmentApproval", tenant + "-government-approver", vars("approval", "APPROVE"));
        serve(pi, key, tenant, today);
        execute(pi, key, tenant);
        fire(pi, key, "ReviewWindowLapsed");
      }
      case "changzhou" -> {
        statement(pi, key, tenant);
        complete(pi, key, "Determine", tenant + "-supervision-head", Map.of());
        serve(pi, key, tenant, today);
        execute(pi, key, tenant);
        step("review application", () -> as(tenant + "-intake-clerk",
            () -> reviews.apply(key, Map.of("applicant", "张三", "grounds", "处理过重"))));
        complete(pi, key, "DecideReview", tenant + "-supervision-head", vars("reviewOutcome", "UPHOLD",
            "reason", "事实清楚，处理适当"));
      }
      case "jilin" -> {
        statement(pi, key, tenant);
        complete(pi, key, "Determine", tenant + "-supervision-head", Map.of());
        serve(pi, key, tenant, today);
        complete(pi, key, "FileWithPersonnelDepartment", tenant + "-hr-clerk", vars("personnelDepartment",
            "吉林市人力资源和社会保障局", "filedOn", today));
        execute(pi, key, tenant);
        fire(pi, key, "ReviewWindowLapsed");
      }
      case "mingshan" -> {
        fire(pi, key, "StatementPeriodLapsed");
        complete(pi, key, "CollectiveDetermination", tenant + "-supervision-head", vars("meetingRecord",
            "领导小组会议，全体成员出席，一致通过", "unitLiabilities", JsonVariables.json(List.of(unit + "|FULL"))));
        serve(pi, key, tenant, today);
        execute(pi, key, tenant);
        fire(pi, key, "ReviewWindowLapsed");
      }
      default -> throw new IllegalArgumentException(tenant);
    }
    return new CaseOutcome(index, tenant, key, pi, commands.onThisThread() - commandsBefore,
        CPU.getCurrentThreadCpuTime() - cpuBefore, System.nanoTime() - started);
  }

  /** A lead against the unit: its handler, reviewer and approver as parties (also the start-up section's load). */
  static Map<String, Object> lead(String tenant, String unit) {
    Map<String, Object> lead = new HashMap<>();
    lead.put("tenant", tenant);
    lead.put("source", "COMPLAINT");
    lead.put("actDescription", "罚款决定被行政复议机关撤销");
    lead.put("unitName", unit);
    lead.put("faultEndedOn", LocalDate.now().minusMonths(8).toString());
    lead.put("discoveredOn", LocalDate.now().minusMonths(2).toString());
    lead.put("complainantContact", "13800000000");
    lead.put("parties", List.of(
        Map.of("type", "UNIT", "name", unit),
        Map.of("type", "PERSON", "name", "张三", "role", "HANDLER", "unitName", unit),
        Map.of("type", "PERSON", "name", "李四", "role", "REVIEWER", "unitName", unit),
        Map.of("type", "PERSON", "name", "王五", "role", "APPROVER", "unitName", unit)));
    return lead;
  }

  private static Map<String, Object> findings(String tenant) {
    return vars("investigationOutcome", "DONE",
        "investigators", JsonVariables.json(List.of(tenant + "-investigator", tenant + "-investigator-2")),
        "facts", "经调查，罚款决定认定事实不清", "evidence", "案卷、询问笔录",
        "faultCategory", "mingshan".equals(tenant) ? "OTHER" : "FACTS_UNCLEAR",
        "scenario", "APPROVED_ACT_WRONG", "severity", "LIGHT", "partyFactors", JsonVariables.json(Map.of()));
  }

  private void statement(String pi, String key, String tenant) {
    complete(pi, key, "StatementAndDefence", tenant + "-unit-liaison", vars("statement", "对调查认定的事实无异议"));
  }

  private void serve(String pi, String key, String tenant, String today) {
    complete(pi, key, "ServeDecision", tenant + "-intake-clerk", vars("serviceDate", today));
  }

  /** The unit reads the decision in force (the case view) and reports every decided measure as executed. */
  @SuppressWarnings("unchecked")
  private void execute(String pi, String key, String tenant) {
    String user = tenant + "-unit-liaison";
    Map<String, Object> view = step("case view", () -> as(user, () -> caseView.view(key)));
    List<Map<String, Object>> executed = new ArrayList<>();
    for (Map<String, Object> party : (List<Map<String, Object>>) view.get("parties")) {
      for (Map<String, Object> m : (List<Map<String, Object>>) party.get("decidedMeasures")) {
        executed.add(Map.of("party", party.get("name"), "measure", m.get("measure")));
      }
    }
    complete(pi, key, "ExecuteDecision", user, vars("executedMeasures", JsonVariables.json(executed)));
  }

  /** The open task of the case with that key, as the user sees it in Tasklist: claimed and completed. */
  private void complete(String pi, String key, String taskKey, String user, Map<String, Object> variables) {
    if (taskKey.equals(stopAtTask.get())) {
      throw new Stopped(key, pi);
    }
    step(taskKey, () -> as(user, () -> {
      Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new IllegalStateException("case " + key + ": no open task " + taskKey + " visible to " + user);
      }
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
      return null;
    }));
  }

  /** The case's pending timer at that activity, executed now as the job executor would on its due date. */
  private void fire(String pi, String key, String activityId) {
    List<Job> timers = managementService.createJobQuery().processInstanceId(pi).activityId(activityId).timers()
        .list();
    if (timers.size() != 1) {
      throw new IllegalStateException("case " + key + ": expected one pending timer " + activityId + ", found "
          + timers.size());
    }
    step(activityId, () -> {
      managementService.executeJob(timers.get(0).getId());
      return null;
    });
  }

  /** Times a step of the case (wall and CPU time, engine commands) under its name. */
  private <T> T step(String name, Supplier<T> work) {
    long wall = System.nanoTime();
    long cpu = CPU.getCurrentThreadCpuTime();
    long before = commands.onThisThread();
    try {
      return work.get();
    } finally {
      LongAdder[] sums = steps.computeIfAbsent(name, n -> new LongAdder[] {new LongAdder(), new LongAdder(),
          new LongAdder(), new LongAdder()});
      sums[0].increment();
      sums[1].add(System.nanoTime() - wall);
      sums[2].add(CPU.getCurrentThreadCpuTime() - cpu);
      sums[3].add(commands.onThisThread() - before);
    }
  }

  /** The step times so far; {@link #resetStepTimes()} starts afresh (after the warm-up). */
  List<StepTime> stepTimes() {
    return steps.entrySet().stream().map(e -> new StepTime(e.getKey(), e.getValue()[0].sum(), e.getValue()[1].sum(),
        e.getValue()[2].sum(), e.getValue()[3].sum())).sorted(Comparator.comparingLong(StepTime::wallNanos).reversed())
        .toList();
  }

  void resetStepTimes() {
    steps.clear();
  }

  private <T> T as(String userId, Supplier<T> work) {
    Session session = session(userId);
    identityService.setAuthentication(session.userId(), session.groups(), session.tenants());
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Session session(String userId) {
    return sessions.computeIfAbsent(userId, id -> new Session(id,
        identityService.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList(),
        identityService.createTenantQuery().userMember(id).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList()));
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
