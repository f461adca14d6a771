package db.migration;

import cn.faultaccountability.dashboard.DashboardRollups;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Fills the dashboard's roll-ups (created by V5_4) from the cases already in the database, by the same statements the
 * benchmark and the tests use for rows they write by SQL ({@link DashboardRollups#rebuild}). From here on the
 * repositories keep them in step.
 */
public class V5_5__Fill_dashboard_rollups extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    DashboardRollups.rebuild(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
  }
}
