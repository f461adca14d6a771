package cn.faultaccountability.determination;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.JsonVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A unit's liability from unit-liability (Jinan 14, Changzhou 12, Jilin 9); no rule → decided by the head. */
@Component
public class ApplyUnitLiabilityDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public ApplyUnitLiabilityDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long partyId = (Long) execution.getVariable(ProcessConstants.VAR_PARTY_ID);
    Object result = execution.getVariable(ProcessConstants.VAR_UNIT_LIABILITY);
    if (result == null) {
      cases.setLiability(partyId, null, "单位责任表对此没有规定，由监督机构负责人认定", "MANUAL");
      return;
    }
    Map<String, Object> rule = JsonVariables.map(result);
    cases.setLiability(partyId, (String) rule.get("liability"), (String) rule.get("basis"), "TABLE");
    execution.setVariable(ProcessConstants.VAR_LIABILITY, rule.get("liability"));
  }
}
