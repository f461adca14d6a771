package cn.faultaccountability.tasklist;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.calendar.DeadlineStage;
import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.CaseRepository.CaseRow;
import cn.faultaccountability.cases.CaseRepository.Measure;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.documents.DecisionDocuments;
import cn.faultaccountability.deadlines.DeadlineRepository;
import cn.faultaccountability.deadlines.DeadlineRepository.DeadlineRow;
import cn.faultaccountability.decisions.VocabularyCodes;
import cn.faultaccountability.intake.PartyRole;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * When a user task is created: its due date is the stage's statutory due date (end of the last day) and its follow-up
 * date the day the warning window (YELLOW) opens, so Tasklist sorts by them and the filters 即将超期 / 已超期 find them;
 * the form's display variables are set on the task (case summary with the deadline, the parties to choose from, the
 * decision tables' proposal with each measure's basis and whether it is mandatory, the measures decided), and the
 * tag-list choices of {@code party|code} pairs are offered (the execution report starts from every decided measure).
 */
public class TaskPreparation implements TaskListener {

  /** The stage whose deadline a task works against (Supervise*: the lapsed one it escalates). */
  static final Map<String, String> STAGE_OF_TASK = Map.ofEntries(
      Map.entry("PreliminaryCheck", "PRELIMINARY_CHECK"), Map.entry("ApproveFiling", "PRELIMINARY_CHECK"),
      Map.entry("SupervisePreliminaryCheckDeadline", "PRELIMINARY_CHECK"),
      Map.entry("UnitDecidesTransferredCase", "TRANSFERRED_UNIT_DECISION"),
      Map.entry("SuperviseTransferDeadline", "TRANSFERRED_UNIT_DECISION"),
      Map.entry("Investigate", "DECISION_AFTER_FILING"), Map.entry("ApproveExtension", "DECISION_AFTER_FILING"),
      Map.entry("ApproveSuspension", "DECISION_AFTER_FILING"), Map.entry("ResumeStage", "DECISION_AFTER_FILING"),
      Map.entry("DetermineLiabilityManually", "DECISION_AFTER_FILING"),
      Map.entry("Determine", "DECISION_AFTER_FILING"), Map.entry("CollectiveDetermination", "DECISION_AFTER_FILING"),
      Map.entry("TransferToAuthorities", "DECISION_AFTER_FILING"),
      Map.entry("GovernmentApproval", "DECISION_AFTER_FILING"), Map.entry("DecideRecusal", "DECISION_AFTER_FILING"),
      Map.entry("SuperviseDecisionDeadline", "DECISION_AFTER_FILING"),
      Map.entry("StatementAndDefence", "STATEMENT_AND_DEFENCE"),
      Map.entry("DecideReview", "REVIEW_DECISION"), Map.entry("ApproveReviewExtension", "REVIEW_DECISION"),
      Map.entry("SuperviseReviewDeadline", "REVIEW_DECISION"),
      Map.entry("ExecuteDecision", "EXECUTION_REPORT"), Map.entry("SuperviseExecutionDeadline", "EXECUTION_REPORT"));

  /** Variables several tasks answer; each such task starts from a blank answer, not the previous task's. */
  static final List<String> SHARED_ANSWERS = List.of(ProcessConstants.VAR_REASON, ProcessConstants.VAR_APPROVAL,
      ProcessConstants.VAR_EXTENSION);
  /** Approvals of a request: the request's reason and period are shown for the approver to confirm or change. */
  static final java.util.Set<String> APPROVES_A_REQUEST = java.util.Set.of("ApproveExtension", "ApproveSuspension",
      "ApproveReviewExtension");

  private final TaskForms forms;
  private final CaseRepository cases;
  private final DeadlineRepository deadlines;
  private final VocabularyCodes codes;

  public TaskPreparation(TaskForms forms, CaseRepository cases, DeadlineRepository deadlines, VocabularyCodes codes) {
    this.forms = forms;
    this.cases = cases;
    this.deadlines = deadlines;
    this.codes = codes;
  }

  @Override
  public void notify(DelegateTask task) {
    Object caseIdValue = task.getVariable(ProcessConstants.VAR_CASE_ID);
    if (!(caseIdValue instanceof Number number)) {
      return;
    }
    long caseId = number.longValue();
    CaseRow row = cases.get(caseId);
    List<CaseParty> parties = cases.parties(caseId);
    String key = task.getTaskDefinitionKey();
    Optional<DeadlineRow> deadline = Optional.ofNullable(STAGE_OF_TASK.get(key))
        .flatMap(stage -> deadlines.current(caseId, stage))
        .filter(d -> d.closedAt() == null || key.startsWith("Supervise"));
    deadline.filter(d -> d.suspendedSince() == null).ifPresent(d -> {
      task.setDueDate(endOfDay(d.dueOn()));
      task.setFollowUpDate(startOfDay(d.warnOn()));
    });

    Object document = task.getVariable(DecisionDocuments.VAR_DECISION_DOCUMENT);
    task.setVariableLocal(TaskForms.CASE_SUMMARY, summary(row, parties, deadline)
        + "\n\n[查看或上传本案的证据、文书（附件）](/api/cases/" + row.businessKey() + "/attachments/upload?task="
        + task.getId() + ")"
        // once the decision is made, every later task links to the decision document in force (issue 5)
        + (document == null ? "" : "　·　[下载处理决定书（PDF）](" + document + ")"));
    List<Measure> proposed = cases.measures(caseId, "PROPOSED");
    List<Measure> decided = cases.measures(caseId, "DECIDED");
    List<String> offered = forms.of(key).orElse(List.of()).stream().map(f -> f.optionsVariable)
        .filter(java.util.Objects::nonNull).toList();
    // tag-list choices "party|code", shown as "张三（承办人）：code's Chinese term"
    if (offered.contains(TaskForms.FACTOR_OPTIONS)) {
      task.setVariableLocal(TaskForms.FACTOR_OPTIONS, pairs(parties, "factors"));
    }
    if (offered.contains(TaskForms.LIABILITY_OPTIONS)) {
      task.setVariableLocal(TaskForms.LIABILITY_OPTIONS, pairs(parties.stream().filter(p -> !p.isUnit()).toList(),
          "liabilityLevels"));
    }
    if (offered.contains(TaskForms.UNIT_LIABILITY_OPTIONS)) {
      task.setVariableLocal(TaskForms.UNIT_LIABILITY_OPTIONS, pairs(parties.stream()
          .filter(p -> p.isUnit() && p.liability() == null).toList(), "liabilityLevels"));
    }
    if (offered.contains(TaskForms.MEASURE_OPTIONS)) {
      task.setVariableLocal(TaskForms.MEASURE_OPTIONS, pairs(parties, "measures"));
    }
    if (offered.contains(TaskForms.PROPOSED_OPTIONS)) {
      task.setVariableLocal(TaskForms.PROPOSED_OPTIONS, measurePairs(proposed, parties));
    }
    if (offered.contains(TaskForms.DECIDED_OPTIONS)) {
      task.setVariableLocal(TaskForms.DECIDED_OPTIONS, measurePairs(decided, parties));
    }
    if (key.equals("Investigate") || key.equals("DecideRecusal")) {
      String group = task.getTenantId() + "-investigator";
      // whoever completed the previous step may not read users: the options are the engine's, not theirs
      List<User> investigators = Context.getCommandContext().runWithoutAuthorization(() -> task
          .getProcessEngineServices().getIdentityService().createUserQuery().memberOfGroup(group).orderByUserId()
          .asc().list());
      task.setVariableLocal(TaskForms.INVESTIGATOR_OPTIONS, JsonVariables.json(investigators.stream()
          .map(u -> option(u.getId(), u.getFirstName() + u.getLastName() + "（" + u.getId() + "）")).toList()));
    }
    // the measure tables only where the task's form shows them: each is a JSON variable written with its history
    List<String> asked = forms.of(key).orElse(List.of()).stream().map(FormField::key).toList();
    if (asked.contains(TaskForms.PROPOSAL_SUMMARY)) {
      task.setVariableLocal(TaskForms.PROPOSAL_SUMMARY, JsonVariables.json(measureRows(proposed, parties)));
    }
    if (asked.contains(TaskForms.DECISION_SUMMARY)) {
      task.setVariableLocal(TaskForms.DECISION_SUMMARY, JsonVariables.json(measureRows(decided, parties)));
    }

    DelegateExecution instance = task.getExecution().getProcessInstance();
    // a 退回 needs its own reason: an earlier task's reason (or approval) must not stand in for it
    for (String shared : SHARED_ANSWERS) {
      boolean carried = APPROVES_A_REQUEST.contains(key) && !shared.equals(ProcessConstants.VAR_APPROVAL);
      if (asked.contains(shared) && !carried) {
        instance.removeVariable(shared);
      }
    }
    if (key.equals("ExecuteDecision") || key.equals("CorrectExecution")) {
      // the report starts from every measure of the decision in force; the unit removes what it did not execute
      instance.setVariable(ProcessConstants.VAR_EXECUTED_MEASURES, JsonVariables.json(decided.stream()
          .map(m -> name(parties, m.partyId()) + JsonVariables.PAIR + m.measure()).toList()));
    }
  }

  /** Every party with every code of the vocabulary group. */
  private Object pairs(List<CaseParty> parties, String group) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (CaseParty p : parties) {
      codes.vocabulary().group(group).orElseThrow().terms().forEach((code, term) -> options.add(
          option(p.name() + JsonVariables.PAIR + code, p.name() + "（" + roleName(p) + "）：" + term)));
    }
    return JsonVariables.json(options);
  }

  private Object measurePairs(List<Measure> measures, List<CaseParty> parties) {
    return JsonVariables.json(measures.stream().map(m -> option(name(parties, m.partyId()) + JsonVariables.PAIR
        + m.measure(), name(parties, m.partyId()) + "：" + codes.term("measures", m.measure())
        + (m.mandatory() ? "（必须适用）" : ""))).toList());
  }

  private String summary(CaseRow row, List<CaseParty> parties, Optional<DeadlineRow> deadline) {
    StringBuilder text = new StringBuilder();
    text.append("**案件编号** ").append(row.businessKey()).append(" · **单位** ").append(literal(row.unitName()))
        .append("\n\n**行政执法行为** ").append(literal(row.actDescription()))
        .append("\n\n**当事人** ").append(String.join("、", parties.stream()
            .map(p -> literal(p.name()) + "（" + roleName(p) + (p.liability() == null ? ""
                : "，" + codes.term("liabilityLevels", p.liability())) + "）").toList()));
    deadline.ifPresent(d -> {
      text.append("\n\n**期限** ").append(DeadlineStage.valueOf(d.stage()).chineseName()).append("：");
      if (d.suspendedSince() != null) {
        text.append("自 ").append(d.suspendedSince()).append(" 中止");
      } else {
        text.append("截止 ").append(d.dueOn()).append("（").append(d.basis()).append("），")
            .append(d.warnOn()).append(" 起进入提醒期").append(d.provisional() ? "；暂定：该年度工作日历尚未录入" : "");
      }
    });
    return text.toString();
  }

  private List<Map<String, Object>> measureRows(List<Measure> measures, List<CaseParty> parties) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Measure m : measures) {
      CaseParty party = parties.stream().filter(p -> p.id() == m.partyId()).findFirst().orElse(null);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("party", party == null ? "" : party.name());
      r.put("liability", party == null || party.liability() == null ? ""
          : codes.term("liabilityLevels", party.liability()));
      r.put("measure", m.measure());
      r.put("measureName", codes.term("measures", m.measure()));
      r.put("mandatory", m.mandatory() ? "必须适用" : "可选");
      r.put("basis", m.basis() == null ? "" : m.basis());
      r.put("reason", m.reason() == null ? "" : m.reason());
      rows.add(r);
    }
    return rows;
  }

  /**
   * Text the user typed, shown as itself in the summary's markdown: every character that markdown or HTML would read as
   * markup becomes a numeric character reference (HTML tags, links, emphasis, line breaks into headings or tables).
   */
  static String literal(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if ("&<>\"'*_[]()`#!|~\\{}".indexOf(c) >= 0) {
        out.append("&#").append((int) c).append(';');
      } else if (c == '\n' || c == '\r') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String roleName(CaseParty p) {
    return p.isUnit() ? "单位" : p.role() == null ? "个人" : PartyRole.valueOf(p.role()).chineseName();
  }

  private static String name(List<CaseParty> parties, long partyId) {
    return parties.stream().filter(p -> p.id() == partyId).map(CaseParty::name).findFirst().orElse("");
  }

  private static Map<String, Object> option(String value, String label) {
    return row("value", value, "label", label);
  }

  private static Map<String, Object> row(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static Date endOfDay(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(ZoneId.systemDefault()).toInstant());
  }

  private static Date startOfDay(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
