package cn.faultaccountability;

/** Process keys, variable names and message names shared by processes, delegates and the API (one place). */
public final class ProcessConstants {
  public static final String PROCESS_FAULT_ACCOUNTABILITY = "fault-accountability";
  public static final String PROCESS_RESPONSIBILITY_EVALUATION = "responsibility-evaluation";

  private ProcessConstants() {}
}
