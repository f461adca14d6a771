package cn.faultaccountability.determination;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.JsonVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records every matched circumstance with its basis. An EXEMPT outcome ends accountability for the party (no
 * sanctions are proposed); MAY_EXEMPT, AGGRAVATE and MITIGATE are shown to the person who decides.
 */
@Component
public class ApplyCircumstancesDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public ApplyCircumstancesDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    CaseParty party = cases.party((Long) execution.getVariable(ProcessConstants.VAR_PARTY_ID));
    List<Map<String, Object>> results = JsonVariables.list(
        execution.getVariable(ProcessConstants.VAR_CIRCUMSTANCE_RESULTS));
    for (Map<String, Object> result : results) {
      cases.addCircumstance(caseId, party.id(), (String) result.get("effect"), (String) result.get("basis"));
    }
    Map<String, Object> exemption = results.stream().filter(r -> "EXEMPT".equals(r.get("effect"))).findFirst()
        .orElse(null);
    cases.setExempt(party.id(), exemption != null);
    execution.setVariable(ProcessConstants.VAR_EXEMPT, exemption != null);
    if (exemption != null) {
      cases.event(caseId, "EXEMPT", null, party.name() + " 不予（免于）追究：" + exemption.get("basis"));
    }
  }
}
