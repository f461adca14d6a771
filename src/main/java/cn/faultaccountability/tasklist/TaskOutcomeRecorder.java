package cn.faultaccountability.tasklist;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Keeps in the case history what a form records that no service task after it does: the head's supervision opinion
 * on a lapsed deadline, the personnel department's filing (Jilin 16), the leading group's meeting (Mingshan 7, 16).
 * Runs after {@link TaskCompletionValidator}, so only a complete, valid form is recorded.
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
    } else if (key.equals("TransferToAuthorities")) {
      cases.event(caseId.longValue(), "TRANSFER_DATE", actor, "于 "
          + Dates.toLocalDate(task.getVariable(TaskForms.VAR_TRANSFER_DATE)) + " 移送 "
          + task.getVariable(ProcessConstants.VAR_TRANSFER_ORGAN));
    }
  }
}
