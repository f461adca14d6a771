package cn.faultaccountability.determination;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.documents.DecisionDocuments;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The decision (处理决定) is made and its document (处理决定书) drawn up: from now on it counts as a fault of the parties
 * in later cases' repeat counts.
 */
@Component
public class IssueDecisionDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final DecisionDocuments documents;

  public IssueDecisionDelegate(CaseRepository cases, DecisionDocuments documents) {
    this.cases = cases;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    cases.update(caseId, "decided_at", LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(),
        java.time.ZoneId.systemDefault()));
    cases.setStage(caseId, "DECIDED");
    cases.event(caseId, "DECISION_ISSUED", Actors.current(execution), "作出行政执法过错责任追究处理决定");
    // Changzhou 32: the decision is made in a decision document
    documents.issue(execution);
  }
}
