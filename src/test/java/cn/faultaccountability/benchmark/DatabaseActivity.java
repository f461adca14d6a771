package cn.faultaccountability.benchmark;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What PostgreSQL did in one database, from its cumulative statistics: transactions committed and rolled back
 * ({@code pg_stat_database}), time spent executing statements ({@code active_time}), and rows written per group of
 * tables ({@code pg_stat_user_tables}). A backend reports its counts only now and then: when it goes idle, at most
 * once a second, and one that went idle within a second of its last report only 10 s later (PostgreSQL 15,
 * {@code PGSTAT_IDLE_INTERVAL}). A reading therefore waits those 10 s and then until the transaction count stands
 * still. Transactions are read from the server's maintenance database, so that reading them adds nothing to them.
 */
final class DatabaseActivity {

  /** Cumulative figures at one moment. */
  record Snapshot(long transactions, double activeMillis, Map<String, Long> rowsWritten) {

    Snapshot minus(Snapshot earlier) {
      Map<String, Long> rows = new LinkedHashMap<>();
      rowsWritten.forEach((group, n) -> rows.put(group, n - earlier.rowsWritten.getOrDefault(group, 0L)));
      return new Snapshot(transactions - earlier.transactions, activeMillis - earlier.activeMillis, rows);
    }
  }

  private final String database;
  private final String jdbcUrl;

  DatabaseActivity(BenchmarkRun run) {
    this.database = run.databaseName();
    this.jdbcUrl = run.jdbcUrl();
  }

  /** The figures so far, with every idle backend's counts reported. */
  Snapshot settled() throws SQLException, InterruptedException {
    Thread.sleep(11_000);
    // this connection's own transaction is reported when it closes, before the count below settles
    Map<String, Long> rows = rowsWritten();
    long last = transactions();
    for (int i = 0; i < 10; i++) {
      Thread.sleep(1_000);
      long now = transactions();
      if (now == last) {
        break;
      }
      last = now;
    }
    return new Snapshot(last, activeMillis(), rows);
  }

  private long transactions() throws SQLException {
    try (Connection admin = PostgresTestDatabase.adminConnection();
        PreparedStatement sql = admin.prepareStatement(
            "select xact_commit + xact_rollback from pg_stat_database where datname = ?")) {
      sql.setString(1, database);
      try (ResultSet rs = sql.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private double activeMillis() throws SQLException {
    try (Connection admin = PostgresTestDatabase.adminConnection();
        PreparedStatement sql = admin.prepareStatement(
            "select active_time from pg_stat_database where datname = ?")) {
      sql.setString(1, database);
      try (ResultSet rs = sql.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }

  /** Rows inserted + updated + deleted: engine history (ACT_HI_*), engine runtime (other ACT_*), ours (fa_*). */
  private Map<String, Long> rowsWritten() throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresTestDatabase.user(),
        PostgresTestDatabase.password());
        PreparedStatement sql = connection.prepareStatement("select case when relname like 'act_hi_%' then 'history' "
            + "when relname like 'act_%' then 'engine runtime' when relname like 'fa_%' then 'case tables' "
            + "else 'other' end, sum(n_tup_ins + n_tup_upd + n_tup_del) from pg_stat_user_tables group by 1 "
            + "order by 1");
        ResultSet rs = sql.executeQuery()) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    }
    return rows;
  }
}
