package cn.faultaccountability.deadlines;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The head resumed the stage with a reason: the due date moves by the days suspended (SPEC §3). */
@Component
public class ResumeDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;

  public ResumeDeadlineDelegate(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.resume(execution, (String) execution.getVariableLocal("stage"),
        (String) execution.getVariable(ProcessConstants.VAR_REASON), Actors.current(execution));
  }
}
