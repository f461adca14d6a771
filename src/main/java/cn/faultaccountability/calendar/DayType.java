package cn.faultaccountability.calendar;

/** What kind of day a date is under the State Council's schedule (SPEC §3). */
public enum DayType {
  WORKDAY("工作日", true),
  /** Saturday or Sunday that is not a make-up workday. */
  WEEKEND("周末休息日", false),
  PUBLIC_HOLIDAY("节假日休假", false),
  /** A Saturday or Sunday on which people work to make up for a holiday (调休上班): counts as a working day. */
  MAKE_UP_WORKDAY("调休上班日", true);

  private final String chineseName;
  private final boolean working;

  DayType(String chineseName, boolean working) {
    this.chineseName = chineseName;
    this.working = working;
  }

  public String chineseName() {
    return chineseName;
  }

  public boolean isWorking() {
    return working;
  }
}
