package cn.faultaccountability.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.calendar.ExplanationStep.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3 on the official 2025/2026 schedules, every expected date worked out by hand (the comments show how).
 * Periods are given explicitly here; the tables' values are tested through the API.
 */
class DueDateCalculatorTest {

  @TempDir Path dir;
  CalendarStore store;
  DueDateCalculator calculator;

  @BeforeEach
  void calculator() {
    store = new CalendarStore(CalendarStore.SHIPPED, dir,
        Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneId.of("Asia/Shanghai")));
    calculator = new DueDateCalculator(store);
  }

  static DeadlineRule days(String period, String maxExtension) {
    return DeadlineRule.of(period, maxExtension, false, "P5D", "济南市办法第十九条");
  }

  static DeadlineRule workingDays(String period) {
    return DeadlineRule.of(period, "P5D", true, "P2D", "测试：按工作日");
  }

  static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  @Test
  void countingStartsTheDayAfterTheEvent() {
    // event Mon 2026-03-02; day 1 = 03-03, day 30 = 04-01 (Wed, a working day)
    DueDate due = calculator.compute(d("2026-03-02"), days("P30D", null));
    assertThat(due.start()).isEqualTo(d("2026-03-03"));
    assertThat(due.dueDate()).isEqualTo(d("2026-04-01"));
    assertThat(due.provisional()).isFalse();
    assertThat(due.steps()).extracting(ExplanationStep::kind).containsExactly(Kind.START, Kind.PERIOD, Kind.DUE);
    assertThat(due.text()).startsWith("事件日 2026-03-02，期限自次日 2026-03-03 起算；期限 30 日（P30D），按自然日计算，期间末日为 2026-04-01")
        .contains("依据：济南市办法第十九条");
  }

  @Test
  void aLastDayInTheNationalDayHolidayRollsToTheNextWorkingDay() {
    // 2026-09-03 + 30 = 2026-10-03 (Sat, 国庆节 10-01..10-07) → 10-08 (Thu), the first working day after
    DueDate due = calculator.compute(d("2026-09-03"), days("P30D", null));
    assertThat(due.dueDate()).isEqualTo(d("2026-10-08"));
    ExplanationStep roll = due.steps().stream().filter(s -> s.kind() == Kind.ROLL_FORWARD).findFirst().orElseThrow();
    assertThat(roll.from()).isEqualTo(d("2026-10-03"));
    assertThat(roll.to()).isEqualTo(d("2026-10-08"));
    assertThat(roll.reason()).isEqualTo("国庆节休假");
    assertThat(due.text()).contains("2026-10-03 国庆节休假 → 顺延至 2026-10-08");
  }

  @Test
  void aLastDayOnAnOrdinarySaturdayRollsToMonday() {
    // 2026-03-06 + 15 = 2026-03-21 (Sat) → 03-23 (Mon)
    DueDate due = calculator.compute(d("2026-03-06"), days("P15D", null));
    assertThat(due.dueDate()).isEqualTo(d("2026-03-23"));
    assertThat(due.text()).contains("2026-03-21 星期六休息 → 顺延至 2026-03-23");
  }

  @Test
  void aLastDayOnAMakeUpSaturdayDoesNotRoll() {
    // 2026-01-29 + 30 = 2026-02-28 (Sat, 春节调休上班) and 2026-01-15 + 30 = 2026-02-14 (Sat, 春节调休上班)
    assertThat(calculator.compute(d("2026-01-29"), days("P30D", null)).dueDate()).isEqualTo(d("2026-02-28"));
    DueDate due = calculator.compute(d("2026-01-15"), days("P30D", null));
    assertThat(due.dueDate()).isEqualTo(d("2026-02-14"));
    assertThat(due.steps()).extracting(ExplanationStep::kind).doesNotContain(Kind.ROLL_FORWARD);
  }

  @Test
  void theRollCrossesTheWholeSpringFestivalAndTheYearBoundary() {
    // 2025-12-17 + 60 = 2026-02-15 (Sun, 春节 02-15..02-23) → 02-24 (Tue)
    assertThat(calculator.compute(d("2025-12-17"), days("P60D", null)).dueDate()).isEqualTo(d("2026-02-24"));
    // 2025 schedule: 2025-09-08 + 30 = 2025-10-08 (国庆节、中秋节 10-01..10-08) → 10-09 (Thu)
    assertThat(calculator.compute(d("2025-09-08"), days("P30D", null)).dueDate()).isEqualTo(d("2025-10-09"));
  }

  @Test
  void workingDaysAcrossTheSpringFestivalCountTheMakeUpSaturdays() {
    // event Thu 2026-02-12: 02-13 Fri (1), 02-14 Sat make-up (2), 02-15..02-23 holiday, 02-24 (3), 02-25 (4),
    // 02-26 (5), 02-27 (6), 02-28 Sat make-up (7), 03-01 Sun, 03-02 (8), 03-03 (9), 03-04 Wed (10)
    DueDate due = calculator.compute(d("2026-02-12"), workingDays("P10D"));
    assertThat(due.dueDate()).isEqualTo(d("2026-03-04"));
    assertThat(due.steps()).extracting(ExplanationStep::kind).startsWith(Kind.START, Kind.PERIOD).endsWith(Kind.DUE);
    assertThat(due.steps()).filteredOn(s -> s.kind() == Kind.COUNTED_MAKE_UP_WORKDAYS)
        .extracting(ExplanationStep::date).containsExactly(d("2026-02-14"), d("2026-02-28"));
    assertThat(due.steps()).filteredOn(s -> s.kind() == Kind.SKIPPED_REST_DAYS && s.from() != null)
        .singleElement().satisfies(s -> {
          assertThat(s.from()).isEqualTo(d("2026-02-15"));
          assertThat(s.to()).isEqualTo(d("2026-02-23"));
          assertThat(s.days()).isEqualTo(9);
        });
    assertThat(due.text()).contains("2026-02-15 至 2026-02-23 春节休假，不计入（9 日）")
        .contains("2026-02-14 春节调休上班（星期六），计入工作日").contains("另有周末休息日 1 日不计入");
    // warning window: 2 working days before 03-04 → 03-02
    assertThat(due.warnFrom()).isEqualTo(d("2026-03-02"));
  }

  @Test
  void aYearWithoutDataIsComputedOnWeekendsOnlyAndMarkedProvisional() throws IOException {
    // 2026-12-02 + 30 = 2027-01-01 (Fri): without 2027 data New Year's Day is not known to be a holiday
    DueDate due = calculator.compute(d("2026-12-02"), days("P30D", null));
    assertThat(due.dueDate()).isEqualTo(d("2027-01-01"));
    assertThat(due.provisional()).isTrue();
    assertThat(due.missingYears()).containsExactly(2027);
    assertThat(due.text()).contains("2027 年没有工作日日历数据").contains("临时结果");
    assertThat(store.status().missingYears()).containsExactly(2027);

    // working days into 2027: 12-29 (1), 12-30 (2), 12-31 (3), 2027-01-01 Fri (4, unknown), 01-04 Mon (5)
    DueDate counted = calculator.compute(d("2026-12-28"), workingDays("P5D"));
    assertThat(counted.dueDate()).isEqualTo(d("2027-01-04"));
    assertThat(counted.provisional()).isTrue();

    // once the year's file exists the same computation is final (a test schedule with 01-01..01-03 off)
    Files.writeString(dir.resolve("2027.yaml"), CalendarFileParserTest.VALID, StandardCharsets.UTF_8);
    DueDate finalDue = calculator.compute(d("2026-12-02"), days("P30D", null));
    assertThat(finalDue.provisional()).isFalse();
    assertThat(finalDue.dueDate()).isEqualTo(d("2027-01-04"));
    assertThat(store.status().missingYears()).isEmpty();
  }

  @Test
  void aCountEntirelyInsideKnownYearsIsNotProvisional() {
    assertThat(calculator.compute(d("2026-11-01"), days("P30D", null)).provisional()).isFalse();
    assertThat(store.status().missingYears()).isEmpty();
  }

  @Test
  void extensionsMoveTheDueDateUpToTheCap() {
    // 2026-03-02 + 30 = 04-01; + 30 extension = 05-01 (劳动节 05-01..05-05) → 05-06 (Wed)
    DeadlineRule jinan19 = days("P30D", "P30D");
    DueDate extended = calculator.compute(d("2026-03-02"), jinan19,
        List.of(new Extension(Period.ofDays(20), "案情复杂"), new Extension(Period.ofDays(10), "补充调查")), List.of());
    assertThat(extended.dueDate()).isEqualTo(d("2026-05-06"));
    assertThat(extended.extended()).isEqualTo(Period.ofDays(30));
    assertThat(extended.steps()).filteredOn(s -> s.kind() == Kind.EXTENSION)
        .extracting(ExplanationStep::date).containsExactly(d("2026-04-21"), d("2026-05-01"));
    assertThat(extended.text()).contains("延长 20 日（P20D），理由：案情复杂，期间末日延至 2026-04-21")
        .contains("2026-05-01 劳动节休假 → 顺延至 2026-05-06");

    assertThatThrownBy(() -> calculator.compute(d("2026-03-02"), jinan19,
        List.of(new Extension(Period.ofDays(20), "a"), new Extension(Period.ofDays(11), "b")), List.of()))
        .isInstanceOf(DeadlineInputException.class)
        .hasMessage("延长共 31 日（P31D），超过最长延长期限 30 日（P30D）（济南市办法第十九条）")
        .extracting("field").isEqualTo("extensions");
    assertThatThrownBy(() -> calculator.compute(d("2026-03-02"), days("P60D", null),
        List.of(new Extension(Period.ofDays(1), "a")), List.of()))
        .isInstanceOf(DeadlineInputException.class).hasMessageStartingWith("该阶段的期限不得延长");
  }

  @Test
  void suspendedDaysAreNotCounted() {
    // 2026-03-02 + 30 = 04-01; suspended 03-10, resumed 03-20: 10 days → 04-11 (Sat) → 04-13 (Mon)
    DueDate due = calculator.compute(d("2026-03-02"), days("P30D", null), List.of(),
        List.of(new Suspension(d("2026-03-10"), d("2026-03-20"), "等待鉴定结论")));
    assertThat(due.dueDate()).isEqualTo(d("2026-04-13"));
    assertThat(due.suspendedDays()).isEqualTo(10);
    assertThat(due.text()).contains("2026-03-10 中止、2026-03-20 恢复（等待鉴定结论），中止期间 10 日不计入期限，期间末日延至 2026-04-11")
        .contains("2026-04-11 星期六休息 → 顺延至 2026-04-13");

    // working days: 10 working days from 2026-02-12 end 03-04; suspended 02-13..02-23 holds 2 working days
    // (02-13 Fri, 02-14 make-up Sat) → 2 more working days: 03-05, 03-06
    DueDate working = calculator.compute(d("2026-02-12"), workingDays("P10D"), List.of(),
        List.of(new Suspension(d("2026-02-13"), d("2026-02-24"), "当事人申请")));
    assertThat(working.dueDate()).isEqualTo(d("2026-03-06"));
    assertThat(working.suspendedDays()).isEqualTo(2);
  }

  @Test
  void aSuspensionMustLieWithinTheRunningPeriod() {
    DeadlineRule rule = days("P30D", null);
    assertThatThrownBy(() -> calculator.compute(d("2026-03-02"), rule, List.of(),
        List.of(new Suspension(d("2026-04-02"), d("2026-04-05"), "x"))))
        .isInstanceOf(DeadlineInputException.class).hasMessageContaining("期限已届满，不能中止");
    assertThatThrownBy(() -> calculator.compute(d("2026-03-02"), rule, List.of(),
        List.of(new Suspension(d("2026-03-02"), d("2026-03-05"), "x"))))
        .isInstanceOf(DeadlineInputException.class).hasMessageContaining("早于期限起算日");
    assertThatThrownBy(() -> calculator.compute(d("2026-03-02"), rule, List.of(),
        List.of(new Suspension(d("2026-03-10"), d("2026-03-20"), "a"), new Suspension(d("2026-03-15"), d("2026-03-25"), "b"))))
        .isInstanceOf(DeadlineInputException.class).hasMessageContaining("重叠");
  }

  @Test
  void stateIsGreenThenYellowInsideTheWindowThenRed() {
    // due 2026-04-01, warnBefore P5D → window from 03-27
    DueDate due = calculator.compute(d("2026-03-02"), days("P30D", null));
    assertThat(due.warnFrom()).isEqualTo(d("2026-03-27"));
    assertThat(due.state(d("2026-03-26"))).isEqualTo(DeadlineState.GREEN);
    assertThat(due.state(d("2026-03-27"))).isEqualTo(DeadlineState.YELLOW);
    assertThat(due.state(d("2026-04-01"))).isEqualTo(DeadlineState.YELLOW);
    assertThat(due.state(d("2026-04-02"))).isEqualTo(DeadlineState.RED);
  }

  @Test
  void rulesThatCannotBeCountedAreRefusedNamingTheField() {
    assertThatThrownBy(() -> DeadlineRule.of("30 days", null, false, "P5D", null))
        .isInstanceOf(DeadlineInputException.class).extracting("field").isEqualTo("period");
    assertThatThrownBy(() -> DeadlineRule.of("P1M", null, true, "P5D", null))
        .isInstanceOf(DeadlineInputException.class).hasMessageContaining("只能以日表示");
    assertThatThrownBy(() -> DeadlineRule.of("P30D", null, null, "P5D", null))
        .isInstanceOf(DeadlineInputException.class).extracting("field").isEqualTo("countWorkingDays");
  }
}
