package cn.faultaccountability.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A file an administrator got wrong is refused, naming file, line, field and problem. */
class CalendarFileParserTest {

  static final String VALID = """
      year: 2027
      source: 测试用安排（非官方）
      holidays:
        - name: 元旦
          from: 2027-01-01
          to: 2027-01-03
        - name: 春节
          from: 2027-02-06
          to: 2027-02-12
      workdays:
        - date: 2027-02-14
          name: 春节
      """;

  @Test
  void readsAValidFile() throws Exception {
    YearSchedule year = CalendarFileParser.parse("2027.yaml", "x/2027.yaml", VALID);
    assertThat(year.year()).isEqualTo(2027);
    assertThat(year.holidays()).hasSize(10).containsEntry(LocalDate.parse("2027-02-06"), "春节");
    assertThat(year.makeUpWorkdays()).containsOnlyKeys(LocalDate.parse("2027-02-14"));
  }

  @Test
  void anInvalidDateNamesLineFieldAndProblem() {
    CalendarFileException e = refused("2027.yaml", VALID.replace("to: 2027-02-12", "to: 2027-02-30"));
    assertThat(e.file()).isEqualTo("x/2027.yaml");
    assertThat(e.line()).isEqualTo(9);
    assertThat(e.field()).isEqualTo("holidays[2].to");
    assertThat(e.getMessage()).isEqualTo(
        "日历文件 x/2027.yaml 第 9 行，字段 holidays[2].to：“2027-02-30”不是有效日期，应为 YYYY-MM-DD，例如 2027-10-01");
  }

  @Test
  void yamlSyntaxErrorsNameTheLine() {
    CalendarFileException e = refused("2027.yaml", VALID.replace("    to: 2027-01-03", "    to: [2027-01-03"));
    assertThat(e.line()).isNotNull().isBetween(6, 8);
    assertThat(e.problem()).startsWith("YAML 格式错误");
  }

  @Test
  void unknownAndMissingFieldsAreNamed() {
    CalendarFileException unknown = refused("2027.yaml", VALID.replace("workdays:", "workday:"));
    assertThat(unknown.field()).isEqualTo("workday");
    assertThat(unknown.line()).isEqualTo(10);
    assertThat(unknown.problem()).startsWith("未知字段");

    CalendarFileException missing = refused("2027.yaml", VALID.replace("    from: 2027-02-06\n", ""));
    assertThat(missing.field()).isEqualTo("holidays[2].from");
    assertThat(missing.problem()).isEqualTo("缺少必填字段");
  }

  @Test
  void yearMustMatchTheFileName() {
    CalendarFileException e = refused("2028.yaml", VALID);
    assertThat(e.field()).isEqualTo("year");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.problem()).contains("2028.yaml");
  }

  @Test
  void fileNameMustBeTheYear() {
    assertThat(refused("2027-draft.yaml", VALID).problem()).contains("2027.yaml");
  }

  @Test
  void aMakeUpWorkdayMustBeAWeekendDayAndNotAHoliday() {
    CalendarFileException weekday = refused("2027.yaml", VALID.replace("date: 2027-02-14", "date: 2027-02-15"));
    assertThat(weekday.field()).isEqualTo("workdays[1].date");
    assertThat(weekday.problem()).contains("星期一").contains("星期六或星期日");

    CalendarFileException holiday = refused("2027.yaml", VALID.replace("date: 2027-02-14", "date: 2027-02-06"));
    assertThat(holiday.problem()).contains("放假日");
  }

  @Test
  void rangesMustBeOrderedInTheYearAndNotOverlap() {
    assertThat(refused("2027.yaml", VALID.replace("to: 2027-01-03", "to: 2026-12-30")).problem()).contains("早于");
    assertThat(refused("2027.yaml", VALID.replace("from: 2027-02-06", "from: 2026-02-06")).problem())
        .contains("不在 2027 年内");
    assertThat(refused("2027.yaml", VALID.replace("from: 2027-02-06", "from: 2027-01-02")).problem())
        .contains("已在前面的放假安排中");
  }

  @Test
  void aNoticeMayFixTheLastDaysOfThePreviousYear() throws Exception {
    YearSchedule year = CalendarFileParser.parse("2027.yaml", "x", VALID.replace("from: 2027-01-01", "from: 2026-12-31"));
    assertThat(year.holidays()).containsKey(LocalDate.parse("2026-12-31"));
  }

  private static CalendarFileException refused(String name, String text) {
    CalendarFileException e = catchThrowableOfType(CalendarFileException.class,
        () -> CalendarFileParser.parse(name, "x/" + name, text));
    assertThat(e).as("refused").isNotNull();
    return e;
  }
}
