package cn.faultaccountability.calendar;

import java.time.LocalDate;

/**
 * A suspension (中止) decided by the head: the stage stopped counting on {@code suspendedOn} and counts again from
 * {@code resumedOn}, so the days from suspendedOn up to the day before resumedOn are not counted (SPEC §3).
 */
public record Suspension(LocalDate suspendedOn, LocalDate resumedOn, String reason) {

  public Suspension {
    if (suspendedOn == null || resumedOn == null) {
      throw new DeadlineInputException("suspensions", "中止须有中止日期和恢复日期");
    }
    if (resumedOn.isBefore(suspendedOn)) {
      throw new DeadlineInputException("suspensions", "恢复日期 " + resumedOn + " 早于中止日期 " + suspendedOn);
    }
  }
}
