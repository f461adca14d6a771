package cn.faultaccountability.cases;

import cn.faultaccountability.ProcessConstants;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the case with the status named by the task's input: CLOSED, NOT_FILED or TRANSFERRED. */
@Component
public class CloseCaseDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public CloseCaseDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    String status = (String) execution.getVariableLocal("status");
    cases.close(caseId, status);
    cases.event(caseId, "CLOSED", null, "结案：" + status);
  }
}
