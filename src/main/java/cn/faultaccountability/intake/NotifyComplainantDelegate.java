package cn.faultaccountability.intake;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.CaseRepository.CaseRow;
import cn.faultaccountability.notification.Delivery;
import cn.faultaccountability.notification.ManualNotices;
import cn.faultaccountability.notification.NotificationPort;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the complainant or reporter, where the lead has one: why no case was filed (Changzhou 28) or the outcome
 * (Jilin 15). The task's input {@code about} says which. An e-mail address is written to; a phone number becomes a
 * task for the intake clerks to call or text (ManualNotices); either way the case history says what happened.
 */
@Component
public class NotifyComplainantDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final NotificationPort notifications;
  private final ManualNotices manual;

  public NotifyComplainantDelegate(CaseRepository cases, NotificationPort notifications, ManualNotices manual) {
    this.cases = cases;
    this.notifications = notifications;
    this.manual = manual;
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
    Delivery delivery = notifications.notifyComplainant(row.tenantId(), row.businessKey(), row.complainantContact(),
        message);
    if (delivery.status() == Delivery.Status.MANUAL) {
      manual.complainantCall(row.tenantId(), row.businessKey(), row.complainantContact(), message);
      cases.event(caseId, "COMPLAINANT_CALL_NEEDED", null, delivery.describe() + "（已交线索受理员办理）：" + message);
      return;
    }
    cases.event(caseId, "COMPLAINANT_NOTIFIED", null, delivery.describe() + "：" + message);
  }
}
