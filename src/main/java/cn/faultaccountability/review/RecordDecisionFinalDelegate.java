package cn.faultaccountability.review;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The review window closed without an application: the decision stands as made. */
@Component
public class RecordDecisionFinalDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public RecordDecisionFinalDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.event((Long) execution.getVariable(ProcessConstants.VAR_CASE_ID), "NO_REVIEW", null,
        "复核申请期限届满，未申请复核");
  }
}
