package cn.faultaccountability.tasklist;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Keeps in the case history, with who and when, what a form records that no service task after it does: the head's
 * filing decision, requests for extension or suspension and the head's refusal of one (an approval is recorded by the
 * delegate that extends or suspends), the government's approval (Jinan 20), the head's supervision opinion on a lapsed
 * deadline, the personnel department's filing (Jilin 16), the leading group's meeting (Mingshan 7, 16). Runs after
 * {@link TaskCompletionValidator}, so only a complete, valid form is recorded.
 */
public class TaskOutcomeRecorder implements ExecutionListener {

  private final CaseRepository cases;

  public TaskOutcomeRecorder(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution task) {
    if (task.isCanceled() || !(task.getVariable(ProcessConstants.VAR_CASE_ID) instanceof Number caseId)) {
      return;
    }
    String key = task.getCurrentActivityId();
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String actor = user == null ? null : user.getUserId();
    if (key.startsWith("Supervise")) {
      cases.event(caseId.longValue(), "SUPERVISED", actor, task.getCurrentActivityName() + "：" + task.getVariable(
          TaskForms.VAR_SUPERVISION_NOTE));
    } else if (key.equals("FileWithPersonnelDepartment")) {
      cases.event(caseId.longValue(), "FILED_WITH_PERSONNEL", actor, "于 "
          + Dates.toLocalDate(task.getVariable(TaskForms.VAR_FILED_ON)) + " 报 "
          + task.getVariable(TaskForms.VAR_PERSONNEL_DEPARTMENT) + " 备案");
    } else if (key.equals("CollectiveDetermination")) {
      cases.event(caseId.longValue(), "COLLECTIVE_MEETING", actor, "领导小组会议："
          + task.getVariable(TaskForms.VAR_MEETING_RECORD));
    } else if (key.equals("ApproveFiling")) {
      Object decision = task.getVariable(ProcessConstants.VAR_FILING_DECISION);
      cases.event(caseId.longValue(), "FILING_DECIDED", actor, "立案审批：" + label(TaskForms.FILING_DECISIONS, decision)
          + ("APPROVE".equals(decision) ? "" : "；理由：" + task.getVariable(ProcessConstants.VAR_REASON)));
    } else if (key.equals("Investigate") || key.equals("DecideReview")) {
      Object outcome = task.getVariable(key.equals("Investigate") ? ProcessConstants.VAR_INVESTIGATION_OUTCOME
          : ProcessConstants.VAR_REVIEW_OUTCOME);
      if ("REQUEST_EXTENSION".equals(outcome)) {
        cases.event(caseId.longValue(), "EXTENSION_REQUESTED", actor, "申请延长" + (key.equals("Investigate")
            ? "调查处理" : "复核决定") + "期限 " + days(task.getVariable(ProcessConstants.VAR_EXTENSION)) + "；理由："
            + task.getVariable(ProcessConstants.VAR_REASON));
      } else if ("REQUEST_SUSPENSION".equals(outcome)) {
        cases.event(caseId.longValue(), "SUSPENSION_REQUESTED", actor, "申请中止调查；理由："
            + task.getVariable(ProcessConstants.VAR_REASON));
      }
    } else if (key.equals("ApproveExtension") || key.equals("ApproveReviewExtension")
        || key.equals("ApproveSuspension")) {
      if ("RETURN".equals(task.getVariable(ProcessConstants.VAR_APPROVAL))) {
        boolean extension = !key.equals("ApproveSuspension");
        cases.event(caseId.longValue(), extension ? "EXTENSION_REFUSED" : "SUSPENSION_REFUSED", actor,
            (extension ? "延期申请" : "中止申请") + "退回；理由：" + task.getVariable(ProcessConstants.VAR_REASON));
      }
    } else if (key.equals("GovernmentApproval")) {
      boolean approved = !"RETURN".equals(task.getVariable(ProcessConstants.VAR_APPROVAL));
      cases.event(caseId.longValue(), approved ? "GOVERNMENT_APPROVED" : "GOVERNMENT_RETURNED", actor,
          approved ? "本级人民政府批准处理决定" : "本级人民政府退回重新认定；理由："
              + task.getVariable(ProcessConstants.VAR_REASON));
    } else if (key.equals("TransferToAuthorities")) {
      cases.event(caseId.longValue(), "TRANSFER_DATE", actor, "于 "
          + Dates.toLocalDate(task.getVariable(TaskForms.VAR_TRANSFER_DATE)) + " 移送 "
          + task.getVariable(ProcessConstants.VAR_TRANSFER_ORGAN));
    }
  }

  /** A number of days from the form, or an ISO-8601 period (engine REST) as given. */
  private static String days(Object extension) {
    return extension instanceof Number n ? n.longValue() + " 日" : String.valueOf(extension);
  }

  private static String label(FormField.Choice[] choices, Object value) {
    for (FormField.Choice choice : choices) {
      if (choice.value().equals(value)) {
        return choice.label();
      }
    }
    return String.valueOf(value);
  }
}
