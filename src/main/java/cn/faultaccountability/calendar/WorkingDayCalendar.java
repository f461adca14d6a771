package cn.faultaccountability.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** An immutable snapshot of the schedules in force: tells for any date whether it is a working day (SPEC §3). */
public final class WorkingDayCalendar {

  private final Map<Integer, YearSchedule> schedules;
  private final Map<LocalDate, CalendarDay> listed = new HashMap<>();

  public WorkingDayCalendar(Collection<YearSchedule> schedules) {
    Map<Integer, YearSchedule> byYear = new TreeMap<>();
    for (YearSchedule schedule : schedules) {
      byYear.put(schedule.year(), schedule);
    }
    this.schedules = Collections.unmodifiableMap(byYear);
    // ascending years: a notice may also fix days at the end of the previous year (e.g. 元旦 from 30 December),
    // and the later notice is the one in force for them
    for (YearSchedule schedule : byYear.values()) {
      schedule.holidays().forEach((date, name) ->
          listed.put(date, new CalendarDay(date, DayType.PUBLIC_HOLIDAY, name, true)));
      schedule.makeUpWorkdays().forEach((date, name) ->
          listed.put(date, new CalendarDay(date, DayType.MAKE_UP_WORKDAY, name, true)));
    }
  }

  public CalendarDay day(LocalDate date) {
    boolean known = schedules.containsKey(date.getYear());
    CalendarDay day = listed.get(date);
    if (day != null) {
      return known ? day : new CalendarDay(date, day.type(), day.label(), false);
    }
    return new CalendarDay(date, CalendarDay.isWeekend(date) ? DayType.WEEKEND : DayType.WORKDAY, null, known);
  }

  public boolean hasYear(int year) {
    return schedules.containsKey(year);
  }

  public SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(schedules.keySet()));
  }

  public Map<Integer, YearSchedule> schedules() {
    return schedules;
  }
}
