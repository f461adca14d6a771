package cn.faultaccountability.calendar;

import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * One row of the {@code statutory-deadlines} table (SPEC §4.5) in typed form.
 *
 * @param maxExtension the most all extensions together may add; null: the regulation allows none
 * @param countWorkingDays count only working days instead of calendar days (SPEC §3: a column, so a revision can switch)
 * @param warnBefore the warning window before the due date (YELLOW), in the stage's kind of days
 */
public record DeadlineRule(Period period, Period maxExtension, boolean countWorkingDays, Period warnBefore,
    String basis) {

  public DeadlineRule {
    if (period == null || period.isNegative() || period.isZero()) {
      throw new DeadlineInputException("period", "期限必须是大于零的 ISO-8601 期间，例如 P30D");
    }
    if (maxExtension != null && maxExtension.isNegative()) {
      throw new DeadlineInputException("maxExtension", "最长延长期限不能为负数");
    }
    if (warnBefore == null || warnBefore.isNegative()) {
      throw new DeadlineInputException("warnBefore", "预警期必须是不小于零的 ISO-8601 期间，例如 P5D");
    }
    if (countWorkingDays) {
      // working days are counted one by one: months and years have no meaning there
      requireDays(period, "period");
      requireDays(warnBefore, "warnBefore");
      if (maxExtension != null) {
        requireDays(maxExtension, "maxExtension");
      }
    }
  }

  /** From the table's outputs, which are strings (ISO-8601) and a boolean. */
  public static DeadlineRule of(String period, String maxExtension, Boolean countWorkingDays, String warnBefore,
      String basis) {
    if (countWorkingDays == null) {
      throw new DeadlineInputException("countWorkingDays", "缺少“是否按工作日计算”（countWorkingDays）");
    }
    return new DeadlineRule(parse(period, "period", false), parse(maxExtension, "maxExtension", true),
        countWorkingDays, parse(warnBefore, "warnBefore", false), basis);
  }

  static Period parse(String value, String field, boolean optional) {
    if (value == null || value.isBlank()) {
      if (optional) {
        return null;
      }
      throw new DeadlineInputException(field, "缺少期间值（ISO-8601，例如 P30D）");
    }
    try {
      return Period.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new DeadlineInputException(field, "“" + value + "”不是按日、周、月或年表示的 ISO-8601 期间（例如 P30D）");
    }
  }

  private static void requireDays(Period value, String field) {
    if (value.getYears() != 0 || value.getMonths() != 0) {
      throw new DeadlineInputException(field, "按工作日计算的期限只能以日表示（例如 P5D），不能是 " + value);
    }
  }

  /** E.g. "30 日", "5 个工作日", "1 个月". */
  public String describe(Period value) {
    return describe(value, countWorkingDays);
  }

  static String describe(Period value, boolean workingDays) {
    if (workingDays) {
      return value.getDays() + " 个工作日";
    }
    StringBuilder text = new StringBuilder();
    if (value.getYears() != 0) {
      text.append(value.getYears()).append(" 年");
    }
    if (value.getMonths() != 0) {
      text.append(text.isEmpty() ? "" : " ").append(value.getMonths()).append(" 个月");
    }
    if (value.getDays() != 0 || text.isEmpty()) {
      text.append(text.isEmpty() ? "" : " ").append(value.getDays()).append(" 日");
    }
    return text.toString();
  }
}
