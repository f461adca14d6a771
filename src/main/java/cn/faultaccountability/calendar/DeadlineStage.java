package cn.faultaccountability.calendar;

import java.util.Arrays;
import java.util.Optional;

/** The stages of the {@code statutory-deadlines} table (SPEC §4.5 input {@code stage}). */
public enum DeadlineStage {
  DECISION_AFTER_FILING("立案后调查终结并作出处理决定"),
  TRANSFERRED_UNIT_DECISION("移交单位作出处理决定"),
  REVIEW_APPLICATION("申请复核"),
  REVIEW_DECISION("作出复核决定"),
  EXECUTION_REPORT("执行并报告"),
  STATEMENT_AND_DEFENCE("陈述申辩"),
  PRELIMINARY_CHECK("核查");

  private final String chineseName;

  DeadlineStage(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<DeadlineStage> byCode(String code) {
    return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
  }
}
