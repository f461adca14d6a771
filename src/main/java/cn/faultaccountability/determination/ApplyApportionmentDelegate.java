package cn.faultaccountability.determination;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.intake.PartyRole;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives each person the liability that liability-apportionment's matched rule names for their role. Where no rule
 * matched (e.g. Jinan 15 sets no fixed split) the persons' liability is left to the head.
 */
@Component
public class ApplyApportionmentDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public ApplyApportionmentDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    Object result = execution.getVariable(ProcessConstants.VAR_APPORTIONMENT);
    Map<String, Object> rule = result == null ? null : JsonVariables.map(result);
    boolean complete = true;
    for (CaseParty party : cases.parties(caseId)) {
      if (party.isUnit()) {
        continue;
      }
      if (rule == null) {
        complete = false;
        continue;
      }
      String output = PartyRole.valueOf(party.role()).apportionmentOutput();
      Object liability = output == null ? null : rule.get(output);
      // SPEC §4.1: a role the matched rule does not name is NONE
      cases.setLiability(party.id(), liability == null ? "NONE" : liability.toString(), (String) rule.get("basis"),
          "TABLE");
    }
    execution.setVariable(ProcessConstants.VAR_LIABILITY_COMPLETE, complete);
    execution.removeVariable(ProcessConstants.VAR_APPORTIONMENT);
    cases.event(caseId, "APPORTIONED", null, rule == null
        ? "责任划分表对本案情形没有规定，由监督机构负责人认定"
        : "按责任划分表认定各人责任（" + rule.get("basis") + "）");
  }
}
