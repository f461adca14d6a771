package cn.faultaccountability.calendar;

import java.time.Period;

/** An extension granted by the head (e.g. Jinan Art. 19: at most 30 days), added to the period. */
public record Extension(Period length, String reason) {

  public Extension {
    if (length == null || length.isNegative() || length.isZero()) {
      throw new DeadlineInputException("extensions", "延长期限必须大于零");
    }
  }
}
