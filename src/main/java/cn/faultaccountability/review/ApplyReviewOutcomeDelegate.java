package cn.faultaccountability.review;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.decisions.VocabularyCodes;
import cn.faultaccountability.documents.DecisionDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The review decision changes what is executed: UPHOLD keeps the decided measures; MODIFY replaces them by
 * {@code revisedMeasures}; REVOKE withdraws them all. Execution went on during the review (Changzhou 33), so a
 * correction of what was already executed follows where needed.
 */
@Component
public class ApplyReviewOutcomeDelegate implements JavaDelegate {

  private static final Set<String> OUTCOMES = Set.of("UPHOLD", "MODIFY", "REVOKE");
  private final CaseRepository cases;
  private final VocabularyCodes codes;
  private final DecisionDocuments documents;

  public ApplyReviewOutcomeDelegate(CaseRepository cases, VocabularyCodes codes, DecisionDocuments documents) {
    this.cases = cases;
    this.codes = codes;
    this.documents = documents;
  }

  private record Revised(long partyId, String measure) {}

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    String outcome = String.valueOf(execution.getVariable(ProcessConstants.VAR_REVIEW_OUTCOME));
    Object reason = execution.getVariable(ProcessConstants.VAR_REASON);
    List<FieldError> errors = new ArrayList<>();
    if (!OUTCOMES.contains(outcome)) {
      errors.add(new FieldError(ProcessConstants.VAR_REVIEW_OUTCOME, "复核结论应为维持、变更或撤销"));
    }
    if (reason == null || reason.toString().isBlank()) {
      errors.add(new FieldError(ProcessConstants.VAR_REASON, "请写明复核理由"));
    }
    List<CaseParty> parties = cases.parties(caseId);
    List<Revised> revised = new ArrayList<>();
    if ("MODIFY".equals(outcome)) {
      // rows {party, measure} or the form's party|measure pairs
      List<Map<String, Object>> entries = JsonVariables.rows(
          execution.getVariable(ProcessConstants.VAR_REVISED_MEASURES), "party", "measure");
      if (entries.isEmpty()) {
        errors.add(new FieldError(ProcessConstants.VAR_REVISED_MEASURES, "变更原决定的，请列出变更后的追究方式"));
      }
      for (Map<String, Object> entry : entries) {
        Optional<CaseParty> party = parties.stream().filter(p -> p.name().equals(entry.get("party"))).findFirst();
        String measure = String.valueOf(entry.get("measure"));
        if (party.isEmpty() || !codes.contains("measures", measure)) {
          errors.add(new FieldError(ProcessConstants.VAR_REVISED_MEASURES, "无效的当事人或追究方式：" + entry));
          continue;
        }
        revised.add(new Revised(party.get().id(), measure));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String actor = Actors.current(execution);
    if (!"UPHOLD".equals(outcome)) {
      cases.retireMeasures(caseId, "DECIDED");
    }
    for (Revised measure : revised) {
      cases.addMeasure(caseId, measure.partyId(), measure.measure(), false, null, "DECIDED", "REVIEW",
          reason.toString(), actor);
    }
    cases.update(caseId, "review_outcome", outcome);
    cases.update(caseId, "review_reason", reason.toString());
    cases.event(caseId, "REVIEW_DECIDED", actor, "复核决定：" + Map.of("UPHOLD", "维持", "MODIFY", "变更", "REVOKE",
        "撤销").get(outcome) + "原决定；理由：" + reason);
    if (!"UPHOLD".equals(outcome)) {
      // the decision in force changed: a new version of the decision document states it and the review
      documents.revise(execution, outcome, reason.toString());
    }
  }
}
