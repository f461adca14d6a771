package cn.faultaccountability.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The duration calendar alone; {@code CalendarAppTest} shows the engine uses it for timers. */
class StatutoryDurationCalendarTest {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  @TempDir Path dir;
  DueDateCalculator calculator;

  @BeforeEach
  void calculator() {
    calculator = new DueDateCalculator(new CalendarStore(CalendarStore.SHIPPED, dir, Clock.system(CHINA)));
  }

  private static Date at(String offsetDateTime) {
    return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }

  @Test
  void aDayPeriodFiresWhenTheRolledLastDayIsOver() {
    StatutoryDurationCalendar calendar = new StatutoryDurationCalendar(calculator, CHINA, LocalTime.MIDNIGHT);
    // event 09-03; last day 10-03 in the National Day holiday → 10-08; lapsed at 00:00 on 10-09
    assertThat(calendar.resolveDuedate("P30D", at("2026-09-03T10:00:00+08:00")))
        .isEqualTo(at("2026-10-09T00:00:00+08:00"));
    // 20:00 UTC on 09-02 is already 09-03 in China: the event day is taken in the jurisdictions' zone
    assertThat(calendar.resolveDuedate("P30D", at("2026-09-02T20:00:00Z")))
        .isEqualTo(at("2026-10-09T00:00:00+08:00"));
  }

  @Test
  void theFiringTimeIsConfigurable() {
    StatutoryDurationCalendar calendar = new StatutoryDurationCalendar(calculator, CHINA, LocalTime.of(8, 30));
    // last day 02-28 is a make-up Saturday: no roll; fires 08:30 on 03-01
    assertThat(calendar.resolveDuedate("P30D", at("2026-01-29T16:00:00+08:00")))
        .isEqualTo(at("2026-03-01T08:30:00+08:00"));
  }

  @Test
  void durationsWithATimePartKeepTheirOrdinaryMeaning() {
    StatutoryDurationCalendar calendar = new StatutoryDurationCalendar(calculator, CHINA, LocalTime.MIDNIGHT);
    Date start = at("2026-10-02T10:00:00+08:00");
    assertThat(calendar.resolveDuedate("PT1H", start)).isEqualTo(Date.from(start.toInstant().plusSeconds(3600)));
    assertThat(calendar.resolveDuedate("P1DT2H", start)).isEqualTo(at("2026-10-03T12:00:00+08:00"));
    assertThat(StatutoryDurationCalendar.statutoryPeriod("P2W")).hasToString("P14D");
    assertThat(StatutoryDurationCalendar.statutoryPeriod("P0D")).isNull();
  }
}
