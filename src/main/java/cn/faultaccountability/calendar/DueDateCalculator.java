package cn.faultaccountability.calendar;

import cn.faultaccountability.calendar.ExplanationStep.Kind;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Computes due dates by the rules of SPEC §3:
 * <ul>
 *   <li>counting starts on the day after the triggering event;</li>
 *   <li>calendar-day stages: the period's last day is event + period; if that day is a rest day (a weekend day that is
 *       not a make-up workday, or a public holiday) the period ends on the next working day;</li>
 *   <li>working-day stages count working days only (make-up workdays count), so the last day is a working day;</li>
 *   <li>extensions (together at most the table's {@code maxExtension}) and suspended days are added to the period
 *       before the single roll-forward: the roll applies to the period's last day as finally extended;</li>
 *   <li>a day in a year without calendar data is judged on weekends only, and the result is provisional.</li>
 * </ul>
 */
public class DueDateCalculator {

  private final CalendarStore store;

  public DueDateCalculator(CalendarStore store) {
    this.store = store;
  }

  public DueDate compute(LocalDate event, DeadlineRule rule) {
    return compute(event, rule, List.of(), List.of());
  }

  public DueDate compute(LocalDate event, DeadlineRule rule, List<Extension> extensions,
      List<Suspension> suspensions) {
    Computation c = new Computation(store.current(), rule);
    DueDate result = c.run(event, extensions, suspensions);
    if (result.provisional()) {
      store.reportProvisional(result.missingYears());
    }
    return result;
  }

  private static final class Computation {
    private final WorkingDayCalendar calendar;
    private final DeadlineRule rule;
    private final SortedSet<Integer> missingYears = new TreeSet<>();
    private final List<ExplanationStep> steps = new ArrayList<>();

    Computation(WorkingDayCalendar calendar, DeadlineRule rule) {
      this.calendar = calendar;
      this.rule = rule;
    }

    private CalendarDay day(LocalDate date) {
      CalendarDay day = calendar.day(date);
      if (!day.scheduleKnown()) {
        missingYears.add(date.getYear());
      }
      return day;
    }

    DueDate run(LocalDate event, List<Extension> extensions, List<Suspension> suspensions) {
      if (event == null) {
        throw new DeadlineInputException("from", "缺少起算事件的日期");
      }
      LocalDate start = event.plusDays(1);
      steps.add(new ExplanationStep(Kind.START, start, null, null, null, null,
          "事件日 " + event + "，期限自次日 " + start + " 起算"));

      LocalDate last;
      if (rule.countWorkingDays()) {
        int periodStep = steps.size();
        last = addWorkingDays(event, rule.period().getDays(), true);
        // the period first, then the holidays it skipped and the make-up workdays it counted
        steps.add(periodStep, new ExplanationStep(Kind.PERIOD, last, null, null, rule.period().getDays(), null,
            "期限 " + rule.describe(rule.period()) + "（" + rule.period() + "），只计工作日（调休上班日计入），"
                + "第 " + rule.period().getDays() + " 个工作日为 " + last));
      } else {
        last = event.plus(rule.period());
        steps.add(new ExplanationStep(Kind.PERIOD, last, null, null,
            (int) ChronoUnit.DAYS.between(event, last), null,
            "期限 " + rule.describe(rule.period()) + "（" + rule.period() + "），按自然日计算，期间末日为 " + last));
      }

      Period extended = extend(last, extensions);
      for (Extension extension : extensions) {
        last = rule.countWorkingDays()
            ? addWorkingDays(last, extension.length().getDays(), false)
            : last.plus(extension.length());
        steps.add(new ExplanationStep(Kind.EXTENSION, last, null, null, null, extension.reason(),
            "延长 " + rule.describe(extension.length()) + "（" + extension.length() + "）"
                + (blank(extension.reason()) ? "" : "，理由：" + extension.reason()) + "，期间末日延至 " + last));
      }

      int suspendedDays = 0;
      LocalDate previousResume = start;
      for (Suspension suspension : suspensions.stream()
          .sorted(Comparator.comparing(Suspension::suspendedOn)).toList()) {
        if (suspension.suspendedOn().isBefore(previousResume)) {
          throw new DeadlineInputException("suspensions", suspension.suspendedOn().isBefore(start)
              ? "中止日期 " + suspension.suspendedOn() + " 早于期限起算日 " + start
              : "中止期间 " + suspension.suspendedOn() + " 与前一次中止重叠");
        }
        LocalDate inForce = rollForward(last);
        if (suspension.suspendedOn().isAfter(inForce)) {
          throw new DeadlineInputException("suspensions",
              "中止日期 " + suspension.suspendedOn() + " 晚于当时的期限届满日 " + inForce + "，期限已届满，不能中止");
        }
        int days = suspendedDays(suspension);
        suspendedDays += days;
        last = rule.countWorkingDays() ? addWorkingDays(last, days, false) : last.plusDays(days);
        steps.add(new ExplanationStep(Kind.SUSPENSION, last, suspension.suspendedOn(), suspension.resumedOn(), days,
            suspension.reason(), suspension.suspendedOn() + " 中止、" + suspension.resumedOn() + " 恢复"
                + (blank(suspension.reason()) ? "" : "（" + suspension.reason() + "）")
                + "，中止期间 " + days + (rule.countWorkingDays() ? " 个工作日" : " 日") + "不计入期限，期间末日延至 " + last));
        previousResume = suspension.resumedOn();
      }

      LocalDate due = rollForward(last);
      if (!due.equals(last)) {
        String reason = day(last).describe();
        steps.add(new ExplanationStep(Kind.ROLL_FORWARD, due, last, due, (int) ChronoUnit.DAYS.between(last, due),
            reason, last + " " + reason + " → 顺延至 " + due + "（期间末日为休息日，顺延至其后第一个工作日）"));
      }

      LocalDate warnFrom = warnFrom(due, start);
      if (!missingYears.isEmpty()) {
        String years = missingYears.stream().map(String::valueOf).collect(Collectors.joining("、"));
        steps.add(new ExplanationStep(Kind.PROVISIONAL, due, null, null, null, years + " 年无日历数据",
            years + " 年没有工作日日历数据，该年只按周末判断休息日：本结果为临时结果，录入该年日历后可能改变"));
      }
      steps.add(new ExplanationStep(Kind.DUE, due, null, null, null, null,
          "届满日 " + due + "（" + CalendarDay.weekday(due) + "），应在当日结束前完成；自 " + warnFrom + " 起进入预警期"
              + (blank(rule.basis()) ? "" : "。依据：" + rule.basis())));
      String text = steps.stream().map(ExplanationStep::text).collect(Collectors.joining("；")) + "。";
      return new DueDate(event, start, due, rule, extended, suspendedDays, warnFrom, !missingYears.isEmpty(),
          missingYears, List.copyOf(steps), text);
    }

    /** Sums the extensions and refuses them beyond the table's cap (e.g. Jinan Art. 19: at most 30 days). */
    private Period extend(LocalDate last, List<Extension> extensions) {
      Period total = Period.ZERO;
      for (Extension extension : extensions) {
        if (rule.countWorkingDays() && (extension.length().getYears() != 0 || extension.length().getMonths() != 0)) {
          throw new DeadlineInputException("extensions", "按工作日计算的期限只能按日延长（例如 P10D）");
        }
        total = total.plus(extension.length());
      }
      if (extensions.isEmpty()) {
        return total;
      }
      if (rule.maxExtension() == null || rule.maxExtension().isZero()) {
        throw new DeadlineInputException("extensions", "该阶段的期限不得延长" + basisSuffix());
      }
      boolean beyond = rule.countWorkingDays()
          ? total.getDays() > rule.maxExtension().getDays()
          : last.plus(total).isAfter(last.plus(rule.maxExtension()));
      if (beyond) {
        throw new DeadlineInputException("extensions", "延长共 " + rule.describe(total) + "（" + total
            + "），超过最长延长期限 " + rule.describe(rule.maxExtension()) + "（" + rule.maxExtension() + "）" + basisSuffix());
      }
      return total;
    }

    private String basisSuffix() {
      return blank(rule.basis()) ? "" : "（" + rule.basis() + "）";
    }

    private int suspendedDays(Suspension suspension) {
      if (!rule.countWorkingDays()) {
        return (int) ChronoUnit.DAYS.between(suspension.suspendedOn(), suspension.resumedOn());
      }
      int working = 0;
      for (LocalDate d = suspension.suspendedOn(); d.isBefore(suspension.resumedOn()); d = d.plusDays(1)) {
        if (day(d).isWorkingDay()) {
          working++;
        }
      }
      return working;
    }

    /**
     * The {@code count}-th working day after {@code after}. For the period itself ({@code explain}) the holidays it
     * skips and the make-up workdays it counts are added to the explanation.
     */
    private LocalDate addWorkingDays(LocalDate after, int count, boolean explain) {
      LocalDate d = after;
      List<CalendarDay> skipped = new ArrayList<>();
      List<CalendarDay> madeUp = new ArrayList<>();
      for (int counted = 0; counted < count; ) {
        d = d.plusDays(1);
        CalendarDay day = day(d);
        if (day.isWorkingDay()) {
          counted++;
          if (day.type() == DayType.MAKE_UP_WORKDAY) {
            madeUp.add(day);
          }
        } else {
          skipped.add(day);
        }
      }
      if (explain) {
        explainSkipped(skipped);
        for (CalendarDay day : madeUp) {
          steps.add(new ExplanationStep(Kind.COUNTED_MAKE_UP_WORKDAYS, day.date(), null, null, 1, day.describe(),
              day.date() + " " + day.describe() + "，计入工作日"));
        }
      }
      return d;
    }

    /** Holidays one range at a time; ordinary weekends as a count (a long period has many). */
    private void explainSkipped(List<CalendarDay> skipped) {
      int weekends = 0;
      for (int i = 0; i < skipped.size(); ) {
        CalendarDay first = skipped.get(i);
        if (first.type() != DayType.PUBLIC_HOLIDAY) {
          weekends++;
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < skipped.size() && skipped.get(j + 1).type() == DayType.PUBLIC_HOLIDAY
            && first.label().equals(skipped.get(j + 1).label())
            && skipped.get(j + 1).date().equals(skipped.get(j).date().plusDays(1))) {
          j++;
        }
        LocalDate to = skipped.get(j).date();
        String range = first.date().equals(to) ? first.date().toString() : first.date() + " 至 " + to;
        steps.add(new ExplanationStep(Kind.SKIPPED_REST_DAYS, to, first.date(), to, j - i + 1, first.describe(),
            range + " " + first.describe() + "，不计入（" + (j - i + 1) + " 日）"));
        i = j + 1;
      }
      if (weekends > 0) {
        steps.add(new ExplanationStep(Kind.SKIPPED_REST_DAYS, null, null, null, weekends, "周末休息",
            "另有周末休息日 " + weekends + " 日不计入"));
      }
    }

    private LocalDate rollForward(LocalDate last) {
      LocalDate d = last;
      while (!day(d).isWorkingDay()) {
        d = d.plusDays(1);
      }
      return d;
    }

    /** {@code warnBefore} before the due date, in the stage's kind of days; never before counting starts. */
    private LocalDate warnFrom(LocalDate due, LocalDate start) {
      LocalDate from;
      if (rule.countWorkingDays()) {
        from = due;
        for (int counted = 0; counted < rule.warnBefore().getDays(); ) {
          from = from.minusDays(1);
          if (day(from).isWorkingDay()) {
            counted++;
          }
        }
      } else {
        from = due.minus(rule.warnBefore());
      }
      return from.isBefore(start) ? start : from;
    }

    private static boolean blank(String text) {
      return text == null || text.isBlank();
    }
  }
}
