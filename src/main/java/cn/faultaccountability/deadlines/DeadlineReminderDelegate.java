package cn.faultaccountability.deadlines;

import cn.faultaccountability.calendar.DeadlineState;
import cn.faultaccountability.notification.NotificationPort;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** YELLOW (SPEC §3): the deadline is inside its warning window; the responsible staff are reminded. */
@Component
public class DeadlineReminderDelegate implements JavaDelegate {

  private final DeadlineService deadlines;
  private final NotificationPort notifications;

  public DeadlineReminderDelegate(DeadlineService deadlines, NotificationPort notifications) {
    this.deadlines = deadlines;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String stage = (String) execution.getVariableLocal("stage");
    deadlines.mark(execution, stage, DeadlineState.YELLOW);
    notifications.deadlineReminder(execution.getTenantId(), execution.getProcessBusinessKey(), stage,
        deadlines.dueAt(execution, stage));
  }
}
