package cn.faultaccountability.intake;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.JsonVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the limitation check: the circumstances table, given only the dates, answers EXEMPT where the tenant's
 * regulation has a limitation rule (Jilin 11(1)); the case is then not pursued, with that rule's basis as the reason.
 */
@Component
public class ApplyLimitationCheckDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public ApplyLimitationCheckDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> results = JsonVariables.list(
        execution.getVariable(ProcessConstants.VAR_LIMITATION_RESULTS));
    Map<String, Object> exempt = results.stream().filter(r -> "EXEMPT".equals(r.get("effect"))).findFirst()
        .orElse(null);
    execution.setVariable(ProcessConstants.VAR_TIME_BARRED, exempt != null);
    if (exempt != null) {
      long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
      String reason = "超过追究时效，不予追究（" + exempt.get("basis") + "）";
      execution.setVariable(ProcessConstants.VAR_NOT_FILED_REASON, reason);
      cases.event(caseId, "TIME_BARRED", null, reason);
    }
    execution.removeVariable(ProcessConstants.VAR_LIMITATION_RESULTS);
  }
}
