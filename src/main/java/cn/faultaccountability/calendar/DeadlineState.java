package cn.faultaccountability.calendar;

/** SPEC §3: GREEN more than the warning window left, YELLOW inside it, RED lapsed. */
public enum DeadlineState {
  GREEN("正常"),
  YELLOW("即将到期"),
  RED("已逾期");

  private final String chineseName;

  DeadlineState(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
