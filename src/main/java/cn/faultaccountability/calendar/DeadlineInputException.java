package cn.faultaccountability.calendar;

/** A deadline cannot be computed from what was given: names the field (English) and the problem (Chinese). */
public class DeadlineInputException extends RuntimeException {

  private final String field;

  public DeadlineInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
