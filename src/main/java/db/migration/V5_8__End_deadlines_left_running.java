package db.migration;

import cn.faultaccountability.deadlines.DeadlinesLeftRunning;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Ends the statement-and-defence and review-application deadlines that earlier process versions left running, at the
 * times the engine's history records, and any deadline still running on a closed case ({@link DeadlinesLeftRunning}).
 * From here on a running deadline belongs to an open case, which the deadline board (V5_9) relies on.
 */
public class V5_8__End_deadlines_left_running extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    DeadlinesLeftRunning.end(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
  }
}
