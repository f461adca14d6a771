package cn.faultaccountability.tasklist;

import cn.faultaccountability.platform.TransientFailures;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Two requests (e.g. through two nodes) complete the same task at the same moment. The later one may read the task
 * before the earlier commits and the case's execution after it, so that the engine would end whatever activity the
 * case has moved on to (the head's approval, say) with the first task's variables: the approval's end listeners would
 * then refuse it in the head's name or validate the wrong form. The task being completed must still be where its case
 * stands; if not, the request lost a race and is answered as the concurrent modification it is (409; the engine's own
 * optimistic lock would say the same at flush). Runs first among the task's complete listeners.
 */
public class CompletedTaskIsCurrent implements TaskListener {

  @Override
  public void notify(DelegateTask delegateTask) {
    TaskEntity task = (TaskEntity) delegateTask;
    if (task.getExecutionId() == null) {
      return; // a standalone task: no case to move on
    }
    ExecutionEntity execution = task.getExecution();
    if (execution == null || execution.isEnded()
        || !task.getTaskDefinitionKey().equals(execution.getActivityId())) {
      throw new OptimisticLockingException(TransientFailures.CONCURRENT_UPDATE + " (task " + task.getId() + " "
          + task.getTaskDefinitionKey() + ": its case is now at "
          + (execution == null ? "an execution that no longer exists" : execution.getActivityId()) + ")");
    }
  }
}
