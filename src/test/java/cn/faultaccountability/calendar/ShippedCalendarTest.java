package cn.faultaccountability.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedules shipped in calendar/ are exactly the official ones (SPEC §3; 国办发明电〔2024〕12号). */
class ShippedCalendarTest {

  @TempDir Path noExternalFiles;

  private Map<Integer, YearSchedule> shipped() {
    return new CalendarStore(CalendarStore.SHIPPED, noExternalFiles, Clock.systemUTC()).current().schedules();
  }

  @Test
  void schedule2026IsTheStateCouncilsOfNovember2025() {
    YearSchedule year = shipped().get(2026);
    assertThat(year.source()).contains("国务院办公厅").contains("2025-11-04");
    assertThat(year.holidays().keySet()).containsExactlyElementsOf(days(
        "2026-01-01", "2026-01-03", "2026-02-15", "2026-02-23", "2026-04-04", "2026-04-06", "2026-05-01",
        "2026-05-05", "2026-06-19", "2026-06-21", "2026-09-25", "2026-09-27", "2026-10-01", "2026-10-07"));
    assertThat(year.makeUpWorkdays().keySet()).containsExactly(LocalDate.parse("2026-01-04"),
        LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-09"),
        LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));
    assertThat(year.holidays().get(LocalDate.parse("2026-10-03"))).isEqualTo("国庆节");
    assertThat(year.holidays().get(LocalDate.parse("2026-02-15"))).isEqualTo("春节");
  }

  @Test
  void schedule2025IsGuobanfaMingdian2024No12() {
    YearSchedule year = shipped().get(2025);
    assertThat(year.source()).contains("国办发明电〔2024〕12号");
    assertThat(year.holidays().keySet()).containsExactlyElementsOf(days(
        "2025-01-01", "2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04", "2025-04-06", "2025-05-01",
        "2025-05-05", "2025-05-31", "2025-06-02", "2025-10-01", "2025-10-08"));
    assertThat(year.makeUpWorkdays().keySet()).containsExactly(LocalDate.parse("2025-01-26"),
        LocalDate.parse("2025-02-08"), LocalDate.parse("2025-04-27"), LocalDate.parse("2025-09-28"),
        LocalDate.parse("2025-10-11"));
  }

  @Test
  void dayTypesFollowTheSchedule() {
    WorkingDayCalendar calendar = new CalendarStore(CalendarStore.SHIPPED, noExternalFiles, Clock.systemUTC()).current();
    assertThat(calendar.day(LocalDate.parse("2026-10-05")).type()).isEqualTo(DayType.PUBLIC_HOLIDAY); // Monday
    assertThat(calendar.day(LocalDate.parse("2026-02-14")).type()).isEqualTo(DayType.MAKE_UP_WORKDAY); // Saturday
    assertThat(calendar.day(LocalDate.parse("2026-03-07")).type()).isEqualTo(DayType.WEEKEND);
    assertThat(calendar.day(LocalDate.parse("2026-03-09")).type()).isEqualTo(DayType.WORKDAY);
    CalendarDay noData = calendar.day(LocalDate.parse("2027-01-01"));
    assertThat(noData.scheduleKnown()).isFalse();
    assertThat(noData.type()).as("a Friday without data is judged on weekends only").isEqualTo(DayType.WORKDAY);
  }

  /** Pairs of first/last day → every day of each range. */
  private static List<LocalDate> days(String... ranges) {
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < ranges.length; i += 2) {
      for (LocalDate d = LocalDate.parse(ranges[i]); !d.isAfter(LocalDate.parse(ranges[i + 1])); d = d.plusDays(1)) {
        days.add(d);
      }
    }
    return days;
  }
}
