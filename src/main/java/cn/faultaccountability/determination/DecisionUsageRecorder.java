package cn.faultaccountability.determination;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Records, for every decision a case evaluates (business-rule tasks and the deadline lookups alike), which table
 * version it used: id and versionTag (issue: procedure §3). A later revision of a table never changes what an earlier
 * case shows, and the case view names the exact version.
 */
@Component
public class DecisionUsageRecorder extends AbstractProcessEnginePlugin implements DmnDecisionEvaluationListener {

  private final CaseRepository cases;

  public DecisionUsageRecorder(@Lazy CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.getCustomPostDecisionEvaluationListeners().add(this);
    configuration.setDmnEngineConfiguration(dmn);
  }

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    if (context == null || event.getDecisionResult() == null
        || !(event.getDecisionResult().getDecision() instanceof DecisionDefinition definition)) {
      return; // evaluated outside a case (engine REST, the decisions command)
    }
    ExecutionEntity execution = context.getExecution();
    Object caseId = execution.getVariable(ProcessConstants.VAR_CASE_ID);
    if (caseId == null) {
      return;
    }
    cases.recordDecisionUsed(((Number) caseId).longValue(), definition.getKey(), definition.getId(),
        definition.getVersion(), definition.getVersionTag(), execution.getActivityId());
  }
}
