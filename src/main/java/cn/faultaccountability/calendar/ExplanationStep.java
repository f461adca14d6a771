package cn.faultaccountability.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One step of how a due date was computed (SPEC §3: start, period, day type, roll-forwards, extensions,
 * suspensions), in structured form plus its Chinese sentence.
 *
 * @param date the date the step arrives at (start day, period's last day, rolled due date, ...)
 * @param from for a roll-forward the rest day rolled from; for a suspension the day it began
 * @param to for a roll-forward the working day rolled to; for a suspension the day counting resumed
 * @param days days concerned (period length, days suspended, ...), where it applies
 * @param reason why (e.g. "国庆节休假"), where it applies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExplanationStep(Kind kind, LocalDate date, LocalDate from, LocalDate to, Integer days, String reason,
    String text) {

  public enum Kind {
    /** The triggering event and the day counting starts (the day after). */
    START,
    /** The period and its day type, arriving at the period's last day. */
    PERIOD,
    /** Rest days a working-day count skipped, or make-up workdays it counted. */
    SKIPPED_REST_DAYS,
    COUNTED_MAKE_UP_WORKDAYS,
    EXTENSION,
    SUSPENSION,
    /** The last day is a rest day: the period ends on the next working day. */
    ROLL_FORWARD,
    /** Part of the count lies in a year without calendar data. */
    PROVISIONAL,
    DUE
  }
}
