package cn.faultaccountability.execution;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.CaseRepository.Measure;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.cases.JsonVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The unit's execution report (Changzhou 35): which decided measures it executed. Only decided measures can be
 * reported as executed; a later report (a correction) replaces the earlier one.
 */
@Component
public class RecordExecutionDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public RecordExecutionDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    List<CaseParty> parties = cases.parties(caseId);
    List<Measure> decided = cases.measures(caseId, "DECIDED");
    List<Measure> executed = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    // rows {party, measure} or the form's party|measure pairs
    for (Map<String, Object> entry : JsonVariables.rows(execution.getVariable(ProcessConstants.VAR_EXECUTED_MEASURES),
        "party", "measure")) {
      Optional<CaseParty> party = parties.stream().filter(p -> p.name().equals(entry.get("party"))).findFirst();
      Optional<Measure> match = party.flatMap(p -> decided.stream()
          .filter(m -> m.partyId() == p.id() && m.measure().equals(entry.get("measure"))).findFirst());
      if (match.isEmpty()) {
        errors.add(new FieldError(ProcessConstants.VAR_EXECUTED_MEASURES,
            entry.get("party") + "：" + entry.get("measure") + " 不是现行决定的追究方式"));
      } else {
        executed.add(match.get());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String actor = Actors.current(execution);
    cases.retireMeasures(caseId, "EXECUTED");
    for (Measure m : executed) {
      cases.addMeasure(caseId, m.partyId(), m.measure(), m.mandatory(), m.basis(), "EXECUTED", m.origin(), null, actor);
    }
    cases.event(caseId, "EXECUTED", actor, "报告已执行 " + executed.size() + " 项追究方式");
  }
}
