package cn.faultaccountability.intake;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.Dates;
import cn.faultaccountability.deadlines.DeadlineService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers the case (SPEC §2.1) in the same transaction that starts the process: checks the lead, gives the case its
 * business key {@code <TENANT>-<YEAR>-<5 digits>} unless the caller did, and records the case and its parties.
 */
@Component
public class RegisterCaseDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public RegisterCaseDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Lead lead = Lead.from(execution.getVariables(), DeadlineService.today());
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null || businessKey.isBlank()) {
      businessKey = cases.nextBusinessKey(execution.getTenantId(), DeadlineService.today().getYear());
      execution.setProcessBusinessKey(businessKey);
    }
    long caseId = cases.createCase(new CaseRepository.NewCase(businessKey, execution.getTenantId(),
        execution.getProcessInstanceId(), lead.source().name(), lead.actDescription(), lead.unitName(),
        lead.faultEndedOn(), lead.discoveredOn(), lead.complainantContact()));
    for (Lead.Party party : lead.parties()) {
      cases.addParty(caseId, party.type(), party.name(), party.role() == null ? null : party.role().name(),
          party.unitName(), party.leadUnit());
    }
    execution.setVariable(ProcessConstants.VAR_CASE_ID, caseId);
    // the decision tables take dates as Date values (SPEC §4), whatever form the lead came in
    execution.setVariable(ProcessConstants.VAR_FAULT_ENDED_ON, Dates.toDate(lead.faultEndedOn()));
    execution.setVariable(ProcessConstants.VAR_DISCOVERED_ON, Dates.toDate(lead.discoveredOn()));
    cases.event(caseId, "INTAKE", Actors.current(execution),
        "受理线索（" + lead.source().chineseName() + "）：" + lead.unitName());
  }
}
