package cn.faultaccountability.determination;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.CaseRepository.CaseRow;
import cn.faultaccountability.cases.JsonVariables;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Computes one party's inputs for unit-liability, circumstances and sanctions (SPEC §4.2-4.4). Java counts and reads;
 * the tables decide: {@code faultsWithinYear} counts this party's faults in the 12 months up to and including this
 * one, {@code faultsInCalendarYear} those in the same calendar year (both include this fault).
 */
@Component
public class PrepareAssessmentDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public PrepareAssessmentDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    CaseParty party = cases.party((Long) execution.getVariable(ProcessConstants.VAR_PARTY_ID));
    CaseRow row = cases.get(caseId);
    LocalDate faultDate = row.faultEndedOn() != null ? row.faultEndedOn() : row.discoveredOn();
    int withinYear = 1 + cases.earlierFaults(party, caseId, faultDate.minusYears(1).plusDays(1), faultDate);
    int inCalendarYear = 1 + cases.earlierFaults(party, caseId, faultDate.withDayOfYear(1), faultDate);
    List<String> factors = JsonVariables.strings(
        JsonVariables.keyed(execution.getVariable(ProcessConstants.VAR_PARTY_FACTORS), "party", "factors")
            .get(party.name()));
    List<CaseParty> units = cases.parties(caseId).stream().filter(CaseParty::isUnit).toList();

    execution.setVariable(ProcessConstants.VAR_PARTY_TYPE, party.type());
    execution.setVariable(ProcessConstants.VAR_TARGET, party.type());
    execution.setVariable(ProcessConstants.VAR_FACTORS, factors);
    execution.setVariable(ProcessConstants.VAR_FAULTS_WITHIN_YEAR, withinYear);
    execution.setVariable(ProcessConstants.VAR_FAULTS_IN_CALENDAR_YEAR, inCalendarYear);
    execution.setVariable(ProcessConstants.VAR_UNIT_COUNT, units.size());
    execution.setVariable(ProcessConstants.VAR_IS_LEAD_UNIT, party.isUnit() ? party.leadUnit() : null);
    execution.setVariable(ProcessConstants.VAR_LIABILITY, party.liability());
    cases.setAssessmentInputs(party.id(), String.join(",", factors), withinYear, inCalendarYear);
  }
}
