package cn.faultaccountability.cases;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Input refused before anything is written: the API answers 400 with the field errors; inside the process (a task
 * completed in Tasklist) the command rolls back, the task stays open and Tasklist shows the message.
 */
public class InvalidInputException extends ProcessEngineException {

  /**
   * The engine's error code of this exception (within Camunda's range for custom codes, 20000–39999): engine REST
   * and the webapps' API pass it on as {@code "code"}, also when they wrap the exception, so a refused input can be
   * told from a failure where only the JSON answer is seen (platform/WebappApiErrors).
   */
  public static final int CODE = 22400;

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + "：" + e.message()).collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
    setCode(CODE);
  }

  /** With a message of its own (e.g. naming the fields by their Chinese labels, as a form shows them). */
  public InvalidInputException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
    setCode(CODE);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
