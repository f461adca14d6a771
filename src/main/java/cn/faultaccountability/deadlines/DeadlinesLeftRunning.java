package cn.faultaccountability.deadlines;

import cn.faultaccountability.dashboard.DashboardRollups;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ends the deadlines that process versions before the fix of 2026-11-23 left running: nothing ended the statement
 * and defence period or the review-application window, so the deadline board showed them RED long after the stage.
 * Run once by the migration V5_8; the process now ends both itself, and closing a case ends whatever is left.
 * <ul>
 *   <li>the statement and defence period ended when {@code RecordStatement} started (a statement submitted or the
 *       period lapsed);</li>
 *   <li>the review-application window ended when {@code ReviewApplicationReceived} or {@code ReviewWindowLapsed}
 *       ended;</li>
 *   <li>any deadline still running on a closed case ended when the case was closed (also where the engine's history
 *       of the case has been cleaned up).</li>
 * </ul>
 * The times come from the engine's history, so the stage durations on the dashboard are the real ones.
 */
public final class DeadlinesLeftRunning {

  private DeadlinesLeftRunning() {
  }

  /** Ends them and rebuilds the dashboard's roll-ups if any ended; returns how many ended. */
  public static int end(JdbcTemplate jdbc) {
    int ended = 0;
    // on a new installation our migrations run before the engine creates its tables: no instance, no history
    if (hasEngineHistory(jdbc)) {
      ended += endAtHistory(jdbc, "STATEMENT_AND_DEFENCE", "START_TIME_", "'RecordStatement'");
      ended += endAtHistory(jdbc, "REVIEW_APPLICATION", "END_TIME_",
          "'ReviewApplicationReceived', 'ReviewWindowLapsed'");
    }
    ended += jdbc.update("update fa_deadline set state = 'DONE', closed_at = (select c.closed_at from fa_case c "
        + "where c.id = fa_deadline.case_id) where closed_at is null and case_id in "
        + "(select id from fa_case where closed_at is not null)");
    if (ended > 0) {
      DashboardRollups.rebuild(jdbc);
    }
    return ended;
  }

  /** Ends the stage's running deadlines at the earliest {@code column} time of the activities on the case. */
  private static int endAtHistory(JdbcTemplate jdbc, String stage, String column, String activities) {
    String history = " from ACT_HI_ACTINST a join fa_case c on c.process_instance_id = a.PROC_INST_ID_ "
        + "where c.id = fa_deadline.case_id and a.ACT_ID_ in (" + activities + ") and a." + column + " is not null";
    return jdbc.update("update fa_deadline set state = 'DONE', closed_at = (select min(a." + column + ")" + history
        + ") where closed_at is null and stage = ? and exists (select 1" + history + ")", stage);
  }

  private static boolean hasEngineHistory(JdbcTemplate jdbc) {
    return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) db -> {
      // PostgreSQL folds unquoted names to lower case, H2 to upper case
      return exists(db, "act_hi_actinst") || exists(db, "ACT_HI_ACTINST");
    }));
  }

  private static boolean exists(Connection db, String table) throws SQLException {
    DatabaseMetaData meta = db.getMetaData();
    try (ResultSet rs = meta.getTables(db.getCatalog(), db.getSchema(), table, new String[] {"TABLE"})) {
      return rs.next();
    }
  }
}
