package cn.faultaccountability.intake;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.CaseRepository.CaseRow;
import cn.faultaccountability.notification.NotificationPort;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the complainant or reporter, where the lead has one: why no case was filed (Changzhou 28) or the outcome
 * (Jilin 15). The task's input {@code about} says which.
 */
@Component
public class NotifyComplainantDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final NotificationPort notifications;

  public NotifyComplainantDelegate(CaseRepository cases, NotificationPort notifications) {
    this.cases = cases;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    CaseRow row = cases.get(caseId);
    String message;
    if ("NOT_FILED".equals(execution.getVariableLocal("about"))) {
      Object reason = execution.getVariable(ProcessConstants.VAR_NOT_FILED_REASON);
      if (reason == null) {
        reason = execution.getVariable(ProcessConstants.VAR_REASON);
      }
      String text = reason == null ? "未说明" : reason.toString();
      cases.update(caseId, "not_filed_reason", text);
      message = "您反映的 " + row.unitName() + " 行政执法过错问题，经核查决定不予立案。理由：" + text;
    } else {
      message = "您反映的 " + row.unitName() + " 行政执法过错问题（案件 " + row.businessKey() + "）已作出处理决定。";
    }
    if (row.complainantContact() == null) {
      cases.event(caseId, "COMPLAINANT_NONE", null, "无投诉人、检举人，无需告知");
      return;
    }
    notifications.notifyComplainant(row.tenantId(), row.businessKey(), row.complainantContact(), message);
    cases.event(caseId, "COMPLAINANT_NOTIFIED", null, "已告知 " + row.complainantContact() + "：" + message);
  }
}
