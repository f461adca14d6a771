package cn.faultaccountability.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's calendar for {@code timeDuration} timers (SPEC §3). A duration in days, weeks, months or years (e.g.
 * {@code P30D}) is a statutory period: the day the timer starts is the triggering event, counting starts the next
 * day, a last day on a rest day rolls to the next working day, and the timer fires when the period has lapsed — at
 * {@code timerFiresAt} (default 00:00) of the day after the last day, in the jurisdictions' time zone. Durations with
 * a time part ({@code PT1H}, {@code P1DT12H}) are not statutory periods and keep the engine's ordinary meaning.
 * Working-day stages, extensions and suspensions cannot be written as a duration: the process sets those timers as a
 * date ({@code timeDate}) computed by {@link DueDateCalculator}.
 */
public class StatutoryDurationCalendar implements BusinessCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(StatutoryDurationCalendar.class);

  private final DueDateCalculator calculator;
  private final ZoneId zone;
  private final LocalTime firesAt;
  private final BusinessCalendar ordinary = new DurationBusinessCalendar();

  public StatutoryDurationCalendar(DueDateCalculator calculator, ZoneId zone, LocalTime firesAt) {
    this.calculator = calculator;
    this.zone = zone;
    this.firesAt = firesAt;
  }

  @Override
  public Date resolveDuedate(String duedateDescription) {
    return resolveDuedate(duedateDescription, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Task task) {
    return resolveDuedate(duedateDescription);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Date startDate) {
    Period period = statutoryPeriod(duedateDescription);
    if (period == null) {
      return ordinary.resolveDuedate(duedateDescription, startDate);
    }
    Date started = startDate != null ? startDate : ClockUtil.getCurrentTime();
    LocalDate event = started.toInstant().atZone(zone).toLocalDate();
    DueDate due = calculator.compute(event, new DeadlineRule(period, null, false, Period.ZERO, null));
    Date fires = Date.from(lapsesAt(due.dueDate()).atZone(zone).toInstant());
    LOG.debug("计时器 {}（{} 起）于 {} 触发：{}", duedateDescription, event, fires, due.text());
    return fires;
  }

  /** The moment a period whose last day is {@code dueDate} has lapsed: the day after, at {@code timerFiresAt}. */
  public java.time.LocalDateTime lapsesAt(LocalDate dueDate) {
    return dueDate.plusDays(1).atTime(firesAt);
  }

  /** A positive duration of whole days/weeks/months/years, or null when the string is not one. */
  static Period statutoryPeriod(String description) {
    if (description == null || !description.strip().startsWith("P") || description.contains("T")) {
      return null;
    }
    try {
      Period period = Period.parse(description.strip());
      return period.isNegative() || period.isZero() ? null : period;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
