package cn.faultaccountability.tasklist;

import cn.faultaccountability.investigation.InvestigatorIsNotApprover;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Attaches to every user task, whatever process deploys it: on task create {@link TaskPreparation}; on its completion,
 * before any complete listener the BPMN declares, {@link CompletedTaskIsCurrent}; when the task's activity ends (its
 * completion) first — on the tasks of approving roles — {@link InvestigatorIsNotApprover}, then
 * {@link TaskCompletionValidator}, then {@link TaskOutcomeRecorder}, ahead of any end listener the BPMN declares.
 */
public class TasklistEnginePlugin extends AbstractProcessEnginePlugin {

  private final TaskListener preparation;
  private final ExecutionListener validator;
  private final ExecutionListener recorder;
  private final ExecutionListener separation;
  private final TaskListener isCurrent = new CompletedTaskIsCurrent();

  public TasklistEnginePlugin(TaskListener preparation, ExecutionListener validator, ExecutionListener recorder,
      ExecutionListener separation) {
    this.preparation = preparation;
    this.validator = validator;
    this.recorder = recorder;
    this.separation = separation;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, preparation);
        // built in: runs before the BPMN's own complete listeners, which must not act on a completion that lost a race
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, isCurrent);
        activity.addListener(ExecutionListener.EVENTNAME_END, validator, 0);
        activity.addListener(ExecutionListener.EVENTNAME_END, recorder, 1);
        if (InvestigatorIsNotApprover.approves(task.getCandidateGroupIdExpressions())) {
          activity.addListener(ExecutionListener.EVENTNAME_END, separation, 0);
        }
      }
    });
  }
}
