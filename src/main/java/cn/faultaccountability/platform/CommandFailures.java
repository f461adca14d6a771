package cn.faultaccountability.platform;

/**
 * The last engine command that failed on this thread, with its whole cause chain. Some engine REST resources answer a
 * failure with a new exception that keeps only the message (e.g. setting a job's due date), which would hide that
 * the database connection was lost; {@link EngineRestErrors} looks here then. Recorded by the outermost command
 * interceptor ({@link OptimisticLockingConflicts}), cleared at the start and end of every request
 * ({@link TransientFailureFilter}).
 */
public final class CommandFailures {

  private static final ThreadLocal<RuntimeException> LAST = new ThreadLocal<>();

  private CommandFailures() {}

  static void record(RuntimeException failure) {
    LAST.set(failure);
  }

  static RuntimeException last() {
    return LAST.get();
  }

  static void clear() {
    LAST.remove();
  }
}
