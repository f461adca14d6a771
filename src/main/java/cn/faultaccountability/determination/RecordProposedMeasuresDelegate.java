package cn.faultaccountability.determination;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.JsonVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The sanctions table's proposal for the party: each measure with whether it is mandatory and its basis. */
@Component
public class RecordProposedMeasuresDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public RecordProposedMeasuresDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    long partyId = (Long) execution.getVariable(ProcessConstants.VAR_PARTY_ID);
    for (Map<String, Object> proposal : JsonVariables.list(
        execution.getVariable(ProcessConstants.VAR_PROPOSED_MEASURES))) {
      cases.addMeasure(caseId, partyId, (String) proposal.get("measure"),
          Boolean.TRUE.equals(proposal.get("mandatory")), (String) proposal.get("basis"), "PROPOSED", "TABLE", null,
          null);
    }
  }
}
