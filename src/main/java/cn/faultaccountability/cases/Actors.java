package cn.faultaccountability.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts: the user completing the task, or the system (timers, jobs). */
public final class Actors {

  public static final String SYSTEM = "system";

  private Actors() {}

  public static String current(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    return authentication == null ? SYSTEM : authentication.getUserId();
  }
}
