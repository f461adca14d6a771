package cn.faultaccountability.execution;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.CaseRepository.Measure;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After review and execution: does what was executed match the final decision (e.g. after a review changed it)? */
@Component
public class CompareExecutionDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public CompareExecutionDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    boolean differs = !keys(cases, caseId, "DECIDED").equals(keys(cases, caseId, "EXECUTED"));
    execution.setVariable(ProcessConstants.VAR_EXECUTION_NEEDS_CORRECTION, differs);
    if (differs) {
      cases.event(caseId, "EXECUTION_DIFFERS", null, "已执行的追究方式与最终决定不一致，需补正执行");
    }
  }

  private static Set<String> keys(CaseRepository cases, long caseId, String state) {
    return cases.measures(caseId, state).stream().map((Measure m) -> m.partyId() + "/" + m.measure())
        .collect(Collectors.toSet());
  }
}
