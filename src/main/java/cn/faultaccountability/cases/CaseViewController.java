package cn.faultaccountability.cases;

import cn.faultaccountability.audit.DeploymentAuditRepository;
import cn.faultaccountability.audit.DeploymentAuditRepository.DeployedDecision;
import cn.faultaccountability.calendar.DeadlineStage;
import cn.faultaccountability.cases.CaseRepository.CaseRow;
import cn.faultaccountability.cases.CaseRepository.Measure;
import cn.faultaccountability.deadlines.DeadlineRepository.DeadlineRow;
import cn.faultaccountability.deadlines.DeadlineService;
import cn.faultaccountability.decisions.VocabularyCodes;
import cn.faultaccountability.intake.LeadSource;
import cn.faultaccountability.intake.PartyRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's full view (SPEC §5): stage, open tasks, deadlines with due date, colour and how each was computed, parties
 * and their liabilities with basis, circumstances, proposed / decided / executed measures, the decision-table
 * versions used, the history, and the evidence and documents attached. Codes come with their Chinese terms.
 */
@RestController
public class CaseViewController {

  private static final Map<String, String> STAGES = Map.of("INTAKE", "线索受理", "PRELIMINARY_CHECK", "核查与立案",
      "TRANSFERRED_UNIT_DECISION", "移交单位处理", "DECISION_AFTER_FILING", "调查与处理", "DECIDED", "送达、复核与执行",
      "CLOSED", "已结案");

  private final CaseAccess access;
  private final CaseRepository cases;
  private final DeadlineService deadlines;
  private final TaskService taskService;
  private final VocabularyCodes codes;
  private final CaseAttachments attachments;
  private final DeploymentAuditRepository deployments;

  public CaseViewController(CaseAccess access, CaseRepository cases, DeadlineService deadlines,
      TaskService taskService, VocabularyCodes codes, CaseAttachments attachments,
      DeploymentAuditRepository deployments) {
    this.attachments = attachments;
    this.deployments = deployments;
    this.access = access;
    this.cases = cases;
    this.deadlines = deadlines;
    this.taskService = taskService;
    this.codes = codes;
  }

  @GetMapping("/api/cases/{businessKey}")
  public Map<String, Object> view(@PathVariable String businessKey) {
    CaseRow row = access.visibleCase(businessKey);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("businessKey", row.businessKey());
    view.put("tenantId", row.tenantId());
    view.put("stage", row.stage());
    view.put("stageName", stageName(row.stage()));
    view.put("status", row.status());
    view.put("source", row.source());
    view.put("sourceName", LeadSource.valueOf(row.source()).chineseName());
    view.put("actDescription", row.actDescription());
    view.put("unitName", row.unitName());
    view.put("faultEndedOn", row.faultEndedOn());
    view.put("discoveredOn", row.discoveredOn());
    view.put("complainantContact", row.complainantContact());
    Map<String, Object> details = new LinkedHashMap<>(row.details());
    view.put("details", details);
    view.put("faultCategoryName", codes.term("faultCategories", (String) row.details().get("fault_category")));
    view.put("openTasks", openTasks(row));
    view.put("deadlines", deadlines(row.id()));
    view.put("parties", parties(row.id()));
    view.put("decisionsUsed", decisionsUsed(row.id()));
    view.put("history", cases.events(row.id()).stream().map(CaseViewController::lowerCaseKeys).toList());
    view.put("attachments", attachments.list(row));
    return view;
  }

  private List<Map<String, Object>> openTasks(CaseRow row) {
    return access.asSystem(() -> {
      List<Map<String, Object>> tasks = new ArrayList<>();
      for (Task task : taskService.createTaskQuery().processInstanceId(row.processInstanceId()).list()) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", task.getId());
        t.put("name", task.getName());
        t.put("taskDefinitionKey", task.getTaskDefinitionKey());
        t.put("created", task.getCreateTime());
        t.put("assignee", task.getAssignee());
        t.put("candidateGroups", taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> l.getGroupId() != null).map(IdentityLink::getGroupId).toList());
        t.put("tasklistUrl", "/camunda/app/tasklist/default/#/?task=" + task.getId());
        tasks.add(t);
      }
      return tasks;
    });
  }

  /**
   * Each table version the case evaluated, with who deployed that version and when (fa_decision_deployment; null for
   * a version deployed before the audit existed).
   */
  private List<Map<String, Object>> decisionsUsed(long caseId) {
    List<Map<String, Object>> used = cases.decisionsUsed(caseId);
    Map<String, DeployedDecision> deployed = deployments.byDefinitionId(used.stream()
        .map(u -> (String) u.get("decision_definition_id")).distinct().toList());
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> u : used) {
      Map<String, Object> m = lowerCaseKeys(u);
      DeployedDecision d = deployed.get((String) u.get("decision_definition_id"));
      m.put("deployedBy", d == null ? null : d.deployedBy());
      m.put("deployedAt", d == null ? null : d.deployedAt());
      m.put("deploymentId", d == null ? null : d.deploymentId());
      m.put("deploymentName", d == null ? null : d.deploymentName());
      m.put("deploymentSource", d == null ? null : d.deploymentSource());
      m.put("sameContentAsVersion", d == null ? null : d.sameContentAsVersion());
      result.add(m);
    }
    return result;
  }

  /** A row's column names as PostgreSQL gives them (H2 gives them in capitals), so the JSON is the same on both. */
  private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
    Map<String, Object> m = new LinkedHashMap<>();
    row.forEach((column, value) -> m.put(column.toLowerCase(java.util.Locale.ROOT), value));
    return m;
  }

  private List<Map<String, Object>> deadlines(long caseId) {
    LocalDate today = DeadlineService.today();
    List<Map<String, Object>> result = new ArrayList<>();
    for (DeadlineRow d : deadlines.forCase(caseId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stage", d.stage());
      m.put("stageName", DeadlineStage.valueOf(d.stage()).chineseName());
      m.put("eventOn", d.eventOn());
      m.put("dueDate", d.dueOn());
      m.put("warnFrom", d.warnOn());
      m.put("colour", colour(d, today));
      m.put("state", d.state());
      m.put("provisional", d.provisional());
      m.put("suspendedSince", d.suspendedSince());
      m.put("period", d.period());
      m.put("countWorkingDays", d.countWorkingDays());
      m.put("maxExtension", d.maxExtension());
      m.put("basis", d.basis());
      m.put("explanation", JsonVariables.map(d.explanation()));
      m.put("extensions", JsonVariables.list(d.extensions()));
      m.put("suspensions", JsonVariables.list(d.suspensions()));
      m.put("closedAt", d.closedAt());
      result.add(m);
    }
    return result;
  }

  /** GREEN / YELLOW / RED on today's date while the stage runs (SPEC §3); DONE once it ended. */
  static String colour(DeadlineRow d, LocalDate today) {
    return colour(d.closedAt() != null, d.suspendedSince() != null, d.dueOn(), d.warnOn(), today);
  }

  /** The same colour from a deadline's columns (the dashboard and the metrics read only these). */
  public static String colour(boolean closed, boolean suspended, LocalDate dueOn, LocalDate warnOn, LocalDate today) {
    if (closed) {
      return "DONE";
    }
    if (suspended) {
      return "SUSPENDED";
    }
    if (today.isAfter(dueOn)) {
      return "RED";
    }
    return today.isBefore(warnOn) ? "GREEN" : "YELLOW";
  }

  /** The Chinese name of a case's stage, as the case view shows it. */
  public static String stageName(String stage) {
    return STAGES.getOrDefault(stage, stage);
  }

  private List<Map<String, Object>> parties(long caseId) {
    List<Map<String, Object>> circumstances = cases.circumstances(caseId);
    List<Measure> proposed = cases.measures(caseId, "PROPOSED");
    List<Measure> decided = cases.measures(caseId, "DECIDED");
    List<Measure> executed = cases.measures(caseId, "EXECUTED");
    List<Map<String, Object>> result = new ArrayList<>();
    for (CaseParty p : cases.parties(caseId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("type", p.type());
      m.put("role", p.role());
      m.put("roleName", p.role() == null ? "单位" : PartyRole.valueOf(p.role()).chineseName());
      m.put("unitName", p.unitName());
      m.put("liability", p.liability());
      m.put("liabilityName", codes.term("liabilityLevels", p.liability()));
      m.put("liabilityBasis", p.liabilityBasis());
      m.put("liabilitySource", p.liabilitySource());
      m.put("factors", p.factors() == null || p.factors().isBlank() ? List.of() : List.of(p.factors().split(",")));
      m.put("exempt", p.exempt());
      m.put("circumstances", circumstances.stream()
          .filter(c -> ((Number) c.get("party_id")).longValue() == p.id())
          .map(c -> Map.of("effect", c.get("effect"), "effectName", codes.term("effects", (String) c.get("effect")),
              "basis", c.get("basis"))).toList());
      m.put("proposedMeasures", measures(proposed, p.id()));
      m.put("decidedMeasures", measures(decided, p.id()));
      m.put("executedMeasures", measures(executed, p.id()));
      result.add(m);
    }
    return result;
  }

  private List<Map<String, Object>> measures(List<Measure> all, long partyId) {
    return all.stream().filter(x -> x.partyId() == partyId).map(x -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("measure", x.measure());
      m.put("measureName", codes.term("measures", x.measure()));
      m.put("mandatory", x.mandatory());
      m.put("basis", x.basis());
      m.put("origin", x.origin());
      m.put("reason", x.reason());
      m.put("decidedBy", x.decidedBy());
      return m;
    }).toList();
  }
}
