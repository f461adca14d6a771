package cn.faultaccountability.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseViewController;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.intake.IntakeController;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Drives cases as staff do: each step by the demo user of the role that owns it, with authorization and tenant checks
 * on; time is the engine clock, and due timers are fired explicitly (the job executor is off in these tests).
 */
@Component
public class CaseDriver {

  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  /** The longest a fired timer's job took, over every case this driver fired timers of. */
  private final AtomicLong longestJobNanos = new AtomicLong();
  private final IntakeController intake;
  private final CaseViewController caseView;

  public CaseDriver(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, IntakeController intake, CaseViewController caseView) {
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.intake = intake;
    this.caseView = caseView;
  }

  /** Sets the engine clock to 09:00 on the day. */
  public void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(9, 0)).atZone(ZoneId.systemDefault()).toInstant()));
  }

  public void resetClock() {
    ClockUtil.reset();
  }

  /** Runs as the demo user {@code <tenant>-<role>}, with their groups and tenants, as the API filter does. */
  public <T> T as(String userId, Supplier<T> work) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identityService.setAuthentication(userId, groups, tenants);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** A lead against 某区市场监督管理局 (tests that do not count repeat faults). */
  public Map<String, Object> lead(String tenant, Map<String, Object> extra) {
    return lead(tenant, "某区市场监督管理局", extra);
  }

  /**
   * A lead against {@code unit} with its handler 张三, reviewer 李四 and approver 王五 (the same names in another unit
   * are other people); {@code extra} overrides or adds fields.
   */
  public Map<String, Object> lead(String tenant, String unit, Map<String, Object> extra) {
    Map<String, Object> lead = new HashMap<>();
    lead.put("tenant", tenant);
    lead.put("source", "COMPLAINT");
    lead.put("actDescription", "罚款决定被行政复议机关撤销");
    lead.put("unitName", unit);
    lead.put("faultEndedOn", "2026-03-02");
    lead.put("discoveredOn", "2026-06-10");
    lead.put("complainantContact", "13800000000");
    lead.put("parties", List.of(
        Map.of("type", "UNIT", "name", unit),
        Map.of("type", "PERSON", "name", "张三", "role", "HANDLER", "unitName", unit),
        Map.of("type", "PERSON", "name", "李四", "role", "REVIEWER", "unitName", unit),
        Map.of("type", "PERSON", "name", "王五", "role", "APPROVER", "unitName", unit)));
    lead.putAll(extra);
    return lead;
  }

  /** Intake through the case API's controller as the tenant's intake clerk; returns the business key. */
  public String intake(Map<String, Object> lead) {
    String tenant = (String) lead.get("tenant");
    return as(tenant + "-intake-clerk", () -> intake.intake(lead).getBody().businessKey());
  }

  /** Completes the open task of the case with that definition key as the tenant's user of the role. */
  public void complete(String businessKey, String taskKey, String role, Map<String, Object> variables) {
    String user = tenantOf(businessKey) + "-" + role;
    as(user, () -> {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
          .singleResult();
      assertThat(task).as("open task %s of %s visible to %s", taskKey, businessKey, user).isNotNull();
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
      return null;
    });
  }

  public List<String> openTasks(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  /** Fires every timer of the case that is due on the engine clock; returns the activity ids fired. */
  public List<String> fireDueTimers(String businessKey) {
    List<String> fired = new ArrayList<>();
    String pi = instance(businessKey).getId();
    while (true) {
      List<Job> due = managementService.createJobQuery().processInstanceId(pi).timers().active()
          .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list();
      if (due.isEmpty()) {
        return fired;
      }
      for (Job job : due) {
        fired.add(managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId());
        long started = System.nanoTime();
        managementService.executeJob(job.getId());
        longestJobNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
      }
    }
  }

  /** How long the longest timer job fired through {@link #fireDueTimers} ran (its whole transaction). */
  public Duration longestJobRun() {
    return Duration.ofNanos(longestJobNanos.get());
  }

  /** The due dates of the case's pending timers, by BPMN activity id. */
  public Map<String, LocalDate> pendingTimers(String businessKey) {
    Map<String, LocalDate> timers = new HashMap<>();
    for (Job job : managementService.createJobQuery().processInstanceId(instance(businessKey).getId()).timers()
        .list()) {
      timers.put(managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult().getActivityId(), job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate());
    }
    return timers;
  }

  public ProcessInstance instance(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  /** A process variable of the case (null once the instance ended). */
  public Object variable(String businessKey, String name) {
    ProcessInstance instance = instance(businessKey);
    return instance == null ? null : runtimeService.getVariable(instance.getId(), name);
  }

  public boolean ended(String businessKey) {
    return instance(businessKey) == null;
  }

  /** The case view as a user of the case's tenant sees it. */
  public Map<String, Object> view(String businessKey) {
    return as(tenantOf(businessKey) + "-manager", () -> caseView.view(businessKey));
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> deadline(String businessKey, String stage) {
    List<Map<String, Object>> deadlines = (List<Map<String, Object>>) view(businessKey).get("deadlines");
    return deadlines.stream().filter(d -> stage.equals(d.get("stage"))).reduce((a, b) -> b).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> party(String businessKey, String name) {
    return ((List<Map<String, Object>>) view(businessKey).get("parties")).stream()
        .filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  public List<String> history(String businessKey) {
    return ((List<Map<String, Object>>) view(businessKey).get("history")).stream()
        .map(e -> (String) e.get("event_type")).toList();
  }

  public static Object json(Object value) {
    return JsonVariables.json(value);
  }

  public static String tenantOf(String businessKey) {
    return businessKey.substring(0, businessKey.indexOf('-')).toLowerCase();
  }

  public static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  public static final String CASE_ID = ProcessConstants.VAR_CASE_ID;
}
