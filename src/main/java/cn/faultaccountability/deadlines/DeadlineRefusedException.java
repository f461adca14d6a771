package cn.faultaccountability.deadlines;

import org.camunda.bpm.engine.ProcessEngineException;

/** An extension or suspension the rules do not allow; the task stays open and nothing is written. */
public class DeadlineRefusedException extends ProcessEngineException {

  private final String field;

  public DeadlineRefusedException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
