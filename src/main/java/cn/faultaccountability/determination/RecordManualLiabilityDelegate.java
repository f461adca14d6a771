package cn.faultaccountability.determination;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.decisions.VocabularyCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The head's liability for each person where the table had no rule; every person needs one, with the reason. */
@Component
public class RecordManualLiabilityDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final VocabularyCodes codes;

  public RecordManualLiabilityDelegate(CaseRepository cases, VocabularyCodes codes) {
    this.cases = cases;
    this.codes = codes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> given;
    try {
      // a JSON object person → code, or the form's rows [{party, liability}]
      given = JsonVariables.keyed(execution.getVariable(ProcessConstants.VAR_MANUAL_LIABILITIES), "party",
          "liability");
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(ProcessConstants.VAR_MANUAL_LIABILITIES, e.getMessage());
    }
    Object reason = execution.getVariable(ProcessConstants.VAR_REASON);
    if (reason == null || reason.toString().isBlank()) {
      errors.add(new FieldError(ProcessConstants.VAR_REASON, "请写明认定责任的理由（承办、审核、批准职责和实际作用）"));
    }
    List<CaseParty> persons = cases.parties(caseId).stream().filter(p -> !p.isUnit()).toList();
    for (CaseParty person : persons) {
      Object liability = given.get(person.name());
      if (liability == null || !codes.contains("liabilityLevels", liability.toString())) {
        errors.add(new FieldError(ProcessConstants.VAR_MANUAL_LIABILITIES,
            person.name() + "：请选择责任程度" + (liability == null ? "" : "（“" + liability + "”不是有效代码）")));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    for (CaseParty person : persons) {
      cases.setLiability(person.id(), given.get(person.name()).toString(), "人工认定：" + reason, "MANUAL");
    }
    cases.event(caseId, "LIABILITY_DETERMINED", Actors.current(execution), "人工认定责任划分：" + given + "；理由：" + reason);
  }
}
