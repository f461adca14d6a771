package cn.faultaccountability.deadlines;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The head approved a suspension (中止), e.g. while an expert appraisal runs: the stage's timers stop. */
@Component
public class SuspendDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;

  public SuspendDeadlineDelegate(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.suspend(execution, (String) execution.getVariableLocal("stage"),
        (String) execution.getVariable(ProcessConstants.VAR_REASON), Actors.current(execution));
  }
}
