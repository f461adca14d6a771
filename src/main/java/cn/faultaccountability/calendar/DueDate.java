package cn.faultaccountability.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.SortedSet;

/**
 * A computed due date with how it was computed (SPEC §3).
 *
 * @param event the day of the triggering event (filing, receipt of the decision, ...)
 * @param start the first day counted: the day after the event
 * @param dueDate the last day on which the act is still in time
 * @param extended all extensions together (P0D when none)
 * @param suspendedDays days not counted because the stage was suspended (in the stage's kind of days)
 * @param warnFrom first day of the warning window (YELLOW)
 * @param provisional part of the count lies in a year without calendar data: computed on weekends only
 * @param missingYears those years
 * @param steps the explanation, step by step
 * @param text the explanation in Chinese
 */
public record DueDate(LocalDate event, LocalDate start, LocalDate dueDate, DeadlineRule rule, Period extended,
    int suspendedDays, LocalDate warnFrom, boolean provisional, SortedSet<Integer> missingYears,
    List<ExplanationStep> steps, String text) {

  /** The deadline's colour on {@code today}: RED after the due date, YELLOW from warnFrom, GREEN before. */
  public DeadlineState state(LocalDate today) {
    if (today.isAfter(dueDate)) {
      return DeadlineState.RED;
    }
    return today.isBefore(warnFrom) ? DeadlineState.GREEN : DeadlineState.YELLOW;
  }
}
