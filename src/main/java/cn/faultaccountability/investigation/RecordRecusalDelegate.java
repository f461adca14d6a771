package cn.faultaccountability.investigation;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The head's decision on a recusal request (Jinan 18, Changzhou 30): granted → the investigator is replaced, and at
 * least two investigators remain.
 */
@Component
public class RecordRecusalDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final InvestigatorRecusal recusal;

  public RecordRecusalDelegate(CaseRepository cases, InvestigatorRecusal recusal) {
    this.cases = cases;
    this.recusal = recusal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    String recused = java.util.Objects.toString(execution.getVariable(ProcessConstants.VAR_RECUSED_INVESTIGATOR), "");
    String actor = Actors.current(execution);
    if (!Boolean.TRUE.equals(execution.getVariable(ProcessConstants.VAR_RECUSAL_GRANTED))) {
      cases.event(caseId, "RECUSAL_REFUSED", actor, "回避申请不予支持：" + recused + "；理由："
          + execution.getVariable(ProcessConstants.VAR_REASON));
      return;
    }
    Object given = execution.getVariable(ProcessConstants.VAR_REPLACEMENT_INVESTIGATOR);
    if (!(given instanceof String replacement) || replacement.isBlank() || replacement.equals(recused)
        || replacement.length() > 100) {
      throw new InvalidInputException(ProcessConstants.VAR_REPLACEMENT_INVESTIGATOR, "决定回避的，须指定另一名调查人员");
    }
    List<cn.faultaccountability.cases.FieldError> interested = recusal.check(
        ProcessConstants.VAR_REPLACEMENT_INVESTIGATOR, List.of(replacement), cases.parties(caseId));
    if (!interested.isEmpty()) {
      throw new InvalidInputException(interested);
    }
    Object current = cases.get(caseId).details().get("investigators");
    List<String> investigators = new ArrayList<>(current == null ? List.of()
        : Arrays.asList(current.toString().split(",")));
    investigators.remove(recused);
    if (!investigators.contains(replacement)) {
      investigators.add(replacement);
    }
    cases.update(caseId, "investigators", String.join(",", investigators));
    execution.setVariable(ProcessConstants.VAR_INVESTIGATORS, String.join(",", investigators));
    cases.event(caseId, "RECUSAL", actor, recused + " 回避，由 " + replacement + " 接替；理由："
        + execution.getVariable(ProcessConstants.VAR_REASON));
  }
}
