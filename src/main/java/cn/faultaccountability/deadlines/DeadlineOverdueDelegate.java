package cn.faultaccountability.deadlines;

import cn.faultaccountability.calendar.DeadlineState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** RED (SPEC §3): the deadline lapsed; the head gets a supervision task next. The case goes on. */
@Component
public class DeadlineOverdueDelegate implements JavaDelegate {

  private final DeadlineService deadlines;

  public DeadlineOverdueDelegate(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.mark(execution, (String) execution.getVariableLocal("stage"), DeadlineState.RED);
  }
}
