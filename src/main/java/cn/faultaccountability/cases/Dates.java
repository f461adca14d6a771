package cn.faultaccountability.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Dates arrive as {@code java.util.Date} (engine REST {@code Date} values, the decision tables' inputs) or as
 * {@code YYYY-MM-DD} text (our API, Tasklist forms). The process keeps them as Date at local midnight, the type the
 * decision tables are tested with.
 */
public final class Dates {

  private Dates() {}

  /** Null for null; throws {@link IllegalArgumentException} for anything that is not a date. */
  public static LocalDate toLocalDate(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    String text = value.toString().strip();
    try {
      // Tasklist's date picker may send a date-time; the day is what counts
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("“" + text + "”不是日期（格式 YYYY-MM-DD）");
    }
  }

  public static Date toDate(LocalDate day) {
    return day == null ? null : Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
