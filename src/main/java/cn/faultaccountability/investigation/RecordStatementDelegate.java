package cn.faultaccountability.investigation;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the respondents' statement and defence, or that the period lapsed without one (waived). */
@Component
public class RecordStatementDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public RecordStatementDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    Object statement = execution.getVariable(ProcessConstants.VAR_STATEMENT);
    if (statement == null || statement.toString().isBlank()) {
      cases.event(caseId, "STATEMENT_WAIVED", null, "陈述申辩期满未提交，视为放弃");
    } else {
      cases.event(caseId, "STATEMENT", Actors.current(execution), statement.toString());
    }
  }
}
