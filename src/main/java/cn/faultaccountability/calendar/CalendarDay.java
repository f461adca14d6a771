package cn.faultaccountability.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One date as the working-day calendar sees it.
 *
 * @param label the holiday's name for a holiday or a make-up workday (e.g. 国庆节), otherwise null
 * @param scheduleKnown false when the year has no calendar data: then only weekends are known (SPEC §3, provisional)
 */
public record CalendarDay(LocalDate date, DayType type, String label, boolean scheduleKnown) {

  private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

  public boolean isWorkingDay() {
    return type.isWorking();
  }

  public static String weekday(LocalDate date) {
    return WEEKDAYS[date.getDayOfWeek().getValue() - 1];
  }

  static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** E.g. "国庆节休假", "星期六休息", "春节调休上班（星期六）", "工作日（星期三）". */
  public String describe() {
    return switch (type) {
      case PUBLIC_HOLIDAY -> label + "休假";
      case WEEKEND -> weekday(date) + "休息" + (scheduleKnown ? "" : "（该年无日历数据，仅按周末判断）");
      case MAKE_UP_WORKDAY -> label + "调休上班（" + weekday(date) + "）";
      case WORKDAY -> "工作日（" + weekday(date) + "）" + (scheduleKnown ? "" : "（该年无日历数据，仅按周末判断）");
    };
  }
}
