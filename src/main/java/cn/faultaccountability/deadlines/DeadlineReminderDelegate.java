package cn.faultaccountability.deadlines;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.calendar.DeadlineState;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.notification.Delivery;
import cn.faultaccountability.notification.NotificationPort;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * YELLOW (SPEC §3): the deadline is inside its warning window; the members of the group whose tasks run in that
 * stage are reminded (by e-mail with the smtp channel), and the case history records to whom.
 */
@Component
public class DeadlineReminderDelegate implements JavaDelegate {

  /** Stage → the role whose tasks the stage waits for (the BPMN's user tasks inside the watched scope). */
  static final Map<String, String> RESPONSIBLE_ROLE = Map.of(
      "PRELIMINARY_CHECK", "investigator",
      "DECISION_AFTER_FILING", "investigator",
      "TRANSFERRED_UNIT_DECISION", "unit-liaison",
      "STATEMENT_AND_DEFENCE", "unit-liaison",
      "REVIEW_DECISION", "supervision-head",
      "EXECUTION_REPORT", "unit-liaison");

  private final DeadlineService deadlines;
  private final NotificationPort notifications;
  private final CaseRepository cases;

  public DeadlineReminderDelegate(DeadlineService deadlines, NotificationPort notifications, CaseRepository cases) {
    this.deadlines = deadlines;
    this.notifications = notifications;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String stage = (String) execution.getVariableLocal("stage");
    deadlines.mark(execution, stage, DeadlineState.YELLOW);
    String group = execution.getTenantId() + "-" + RESPONSIBLE_ROLE.getOrDefault(stage, "supervision-head");
    Delivery delivery = notifications.deadlineReminder(execution.getTenantId(), execution.getProcessBusinessKey(),
        stage, deadlines.dueAt(execution, stage), group);
    cases.event((Long) execution.getVariable(ProcessConstants.VAR_CASE_ID), "DEADLINE_REMINDED", null,
        "期限提醒（" + group + "）：" + delivery.describe());
  }
}
