package cn.faultaccountability.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrators' folder overrides and extends the shipped years, without a restart (SPEC §3). */
class CalendarStoreTest {

  private static final LocalDate NEW_YEAR_2027 = LocalDate.parse("2027-01-01");
  private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @TempDir Path dir;

  @Test
  void aNewYearsFileIsPickedUpWithoutARestart() throws IOException {
    CalendarStore store = new CalendarStore(CalendarStore.SHIPPED, dir, IN_2026);
    assertThat(store.current().years()).containsExactly(2025, 2026);
    assertThat(store.current().day(NEW_YEAR_2027).scheduleKnown()).isFalse();

    write("2027.yaml", CalendarFileParserTest.VALID);
    assertThat(store.current().years()).containsExactly(2025, 2026, 2027);
    assertThat(store.current().day(NEW_YEAR_2027).type()).isEqualTo(DayType.PUBLIC_HOLIDAY);
    assertThat(store.current().schedules().get(2027).origin()).isEqualTo(dir.resolve("2027.yaml").toString());
  }

  @Test
  void anExternalFileOverridesTheShippedYearAndDeletingItRestoresIt() throws IOException {
    CalendarStore store = new CalendarStore(CalendarStore.SHIPPED, dir, IN_2026);
    LocalDate nationalDay = LocalDate.parse("2026-10-01");
    assertThat(store.current().day(nationalDay).type()).isEqualTo(DayType.PUBLIC_HOLIDAY);

    write("2026.yaml", """
        year: 2026
        source: 测试用修订（非官方）
        holidays:
          - name: 测试假
            from: 2026-03-02
            to: 2026-03-02
        workdays: []
        """);
    assertThat(store.current().day(nationalDay).type()).as("the whole year is replaced").isEqualTo(DayType.WORKDAY);
    assertThat(store.current().day(LocalDate.parse("2026-03-02")).label()).isEqualTo("测试假");

    Files.delete(dir.resolve("2026.yaml"));
    assertThat(store.current().day(nationalDay).type()).isEqualTo(DayType.PUBLIC_HOLIDAY);
  }

  @Test
  void aMalformedFileIsRefusedAndThePreviousDataStaysInForce() throws IOException {
    CalendarStore store = new CalendarStore(CalendarStore.SHIPPED, dir, IN_2026);
    Path file = write("2027.yaml", CalendarFileParserTest.VALID);
    assertThat(store.current().day(NEW_YEAR_2027).type()).isEqualTo(DayType.PUBLIC_HOLIDAY);

    write("2027.yaml", CalendarFileParserTest.VALID.replace("from: 2027-01-01", "from: 2027-01-32"));
    touch(file, 60);
    assertThat(store.current().day(NEW_YEAR_2027).type()).as("previous version of the file").isEqualTo(DayType.PUBLIC_HOLIDAY);
    CalendarStore.CalendarStatus status = store.status();
    assertThat(status.rejectedFiles()).singleElement().satisfies(r -> {
      assertThat(r.file()).isEqualTo(file.toString());
      assertThat(r.line()).isEqualTo(5);
      assertThat(r.field()).isEqualTo("holidays[1].from");
      assertThat(r.inForceInstead()).isEqualTo("仍使用该文件上一次读取成功的内容");
    });
    assertThat(status.warning()).contains("1 个日历文件有错误未被采用").contains("holidays[1].from");

    write("2027.yaml", CalendarFileParserTest.VALID.replace("to: 2027-01-03", "to: 2027-01-02"));
    touch(file, 120);
    assertThat(store.current().day(LocalDate.parse("2027-01-03")).type()).isEqualTo(DayType.WEEKEND);
    assertThat(store.status().rejectedFiles()).isEmpty();
  }

  @Test
  void aMalformedOverrideOfAShippedYearKeepsTheShippedYear() throws IOException {
    CalendarStore store = new CalendarStore(CalendarStore.SHIPPED, dir, IN_2026);
    write("2026.yaml", "year: 2026\nsource: x\nholidays: oops\nworkdays: []\n");
    assertThat(store.current().day(LocalDate.parse("2026-10-01")).type()).isEqualTo(DayType.PUBLIC_HOLIDAY);
    assertThat(store.status().rejectedFiles()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(3);
      assertThat(r.field()).isEqualTo("holidays");
      assertThat(r.inForceInstead()).isEqualTo("仍使用随程序发布的 2026 年日历");
    });
  }

  @Test
  void provisionalYearsAreReportedUntilTheirFileExists() throws IOException {
    CalendarStore store = new CalendarStore(CalendarStore.SHIPPED, dir, IN_2026);
    assertThat(store.status().missingYears()).isEmpty();
    assertThat(store.status().warning()).isNull();

    store.reportProvisional(List.of(2027));
    assertThat(store.status().missingYears()).containsExactly(2027);
    assertThat(store.status().warning()).contains("2027 年没有工作日日历数据").contains("临时结果");

    write("2027.yaml", CalendarFileParserTest.VALID);
    assertThat(store.status().missingYears()).isEmpty();
  }

  @Test
  void theCurrentYearWithoutDataIsReportedEvenBeforeAnyDueDate() {
    Clock in2028 = Clock.fixed(Instant.parse("2028-03-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
    assertThat(new CalendarStore(CalendarStore.SHIPPED, dir, in2028).status().missingYears()).containsExactly(2028);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Some file systems keep modification times in whole seconds: make a rewrite visibly newer. */
  private static void touch(Path file, int secondsLater) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
  }
}
