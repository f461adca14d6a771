package cn.faultaccountability.tasklist;

import java.util.ArrayList;
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
 * Attaches to every user task, whatever process deploys it: on create {@link TaskPreparation}, on complete first
 * {@link TaskCompletionValidator}, then {@link TaskOutcomeRecorder}. Listeners added at parse time run before any the
 * BPMN declares.
 */
public class TasklistEnginePlugin extends AbstractProcessEnginePlugin {

  private final TaskListener preparation;
  private final TaskListener validator;
  private final TaskListener recorder;

  public TasklistEnginePlugin(TaskListener preparation, TaskListener validator, TaskListener recorder) {
    this.preparation = preparation;
    this.validator = validator;
    this.recorder = recorder;
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
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, validator);
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, recorder);
      }
    });
  }
}
