package cn.faultaccountability.dashboard;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the dashboard's monthly roll-ups ({@code fa_rollup_*}, V5_4) in step with the rows they count. The
 * repositories that write those rows call this in the same transaction; the changes of a transaction are summed and
 * written just before it commits, so they commit or roll back with it.
 *
 * <p>Why at commit, sorted: a roll-up row is shared by every case of a tenant's month, so two transactions may both
 * change two of them; writing each transaction's rows in one global order, after all its other work, means they can
 * wait for each other but never deadlock, and each row is locked only for the moment before the commit. The first
 * change of a new row inserts it; if another transaction inserted it meanwhile, the insert is undone to a savepoint
 * and the row updated instead.
 */
@Component
public class DashboardRollups {

  /** A roll-up table: its key columns, then the columns it counts. */
  enum Rollup {
    MEASURE("fa_rollup_measure", List.of("tenant_id", "month_start", "unit", "measure"), List.of("n")),
    STAGE_DAYS("fa_rollup_stage_days", List.of("tenant_id", "month_start", "stage", "days"), List.of("n")),
    EXEMPTION("fa_rollup_exemption", List.of("tenant_id", "month_start"), List.of("assessed", "exempt")),
    CASE_MONTH("fa_rollup_case_month", List.of("tenant_id", "month_start"), List.of("taken_in", "closed"));

    final String table;
    final List<String> keys;
    final List<String> counts;

    Rollup(String table, List<String> keys, List<String> counts) {
      this.table = table;
      this.keys = keys;
      this.counts = counts;
    }
  }

  /** One roll-up row: its table and key values (tenant, month, ...). */
  record Row(Rollup rollup, List<Object> key) {}

  /** The one order every transaction writes roll-up rows in. */
  private static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> r.rollup())
      .thenComparing(r -> r.key().stream().map(String::valueOf).collect(Collectors.joining("\u0000")));

  /** The unit a measure concerns: the unit itself for a unit, the person's unit for a person, else the case's unit. */
  static final String MEASURE_UNIT =
      "case when p.party_type = 'UNIT' then p.name else coalesce(p.unit_name, c.unit_name) end";

  private final JdbcTemplate jdbc;

  public DashboardRollups(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---- what the repositories report ----

  /** A measure row was inserted in state DECIDED: one more measure in force for its unit and month. */
  public void measureDecided(long measureId) {
    jdbc.query("select c.tenant_id, " + MEASURE_UNIT + " unit, m.measure, m.decided_at from fa_case_measure m "
        + "join fa_case c on c.id = m.case_id left join fa_case_party p on p.id = m.party_id "
        + "where m.id = ? and m.state = 'DECIDED'", rs -> {
          add(Rollup.MEASURE, List.of(rs.getString("tenant_id"), month(rs.getTimestamp("decided_at")),
              rs.getString("unit"), rs.getString("measure")), 1);
        }, measureId);
  }

  /** A case's measures in {@code state} are about to become REVOKED: those in force no longer count. */
  public void measuresRetiring(long caseId, String state) {
    if (!"DECIDED".equals(state)) {
      return;
    }
    jdbc.query("select c.tenant_id, " + MEASURE_UNIT + " unit, m.measure, m.decided_at from fa_case_measure m "
        + "join fa_case c on c.id = m.case_id left join fa_case_party p on p.id = m.party_id "
        + "where m.case_id = ? and m.state = 'DECIDED'", rs -> {
          add(Rollup.MEASURE, List.of(rs.getString("tenant_id"), month(rs.getTimestamp("decided_at")),
              rs.getString("unit"), rs.getString("measure")), -1);
        }, caseId);
  }

  /** A deadline was closed (its stage ended): one more duration for the histogram of its stage. */
  public void stageEnded(long deadlineId) {
    jdbc.query("select c.tenant_id, d.stage, d.event_on, d.closed_at from fa_deadline d "
        + "join fa_case c on c.id = d.case_id where d.id = ? and d.closed_at is not null", rs -> {
          LocalDateTime closed = rs.getTimestamp("closed_at").toLocalDateTime();
          long days = ChronoUnit.DAYS.between(rs.getDate("event_on").toLocalDate(), closed.toLocalDate());
          add(Rollup.STAGE_DAYS, List.of(rs.getString("tenant_id"), YearMonth.from(closed).atDay(1),
              rs.getString("stage"), Math.toIntExact(days)), 1);
        }, deadlineId);
  }

  /** A case was taken in: one more for the month of its intake. */
  public void caseTakenIn(long caseId) {
    jdbc.query("select tenant_id, created_at from fa_case where id = ?", rs -> {
      add(Rollup.CASE_MONTH, List.of(rs.getString("tenant_id"), month(rs.getTimestamp("created_at"))), 1, 0);
    }, caseId);
  }

  /**
   * Runs a write that may change when a case was closed, or when it was decided and how its parties' circumstances
   * were assessed, and moves the case's counts from where they were to where they are now.
   */
  public void changingCase(long caseId, Runnable write) {
    CaseCounts before = caseCounts(caseId);
    write.run();
    CaseCounts after = caseCounts(caseId);
    before.add(this, -1);
    after.add(this, 1);
  }

  /** What one case contributes to the closures and exemption counts (null months: not closed, not decided). */
  private record CaseCounts(String tenantId, LocalDate closedMonth, LocalDate decidedMonth, long assessed,
      long exempt) {
    void add(DashboardRollups rollups, int sign) {
      if (closedMonth != null) {
        rollups.add(Rollup.CASE_MONTH, List.of(tenantId, closedMonth), 0, sign);
      }
      if (decidedMonth != null && assessed != 0) {
        rollups.add(Rollup.EXEMPTION, List.of(tenantId, decidedMonth), sign * assessed, sign * exempt);
      }
    }
  }

  private CaseCounts caseCounts(long caseId) {
    return jdbc.queryForObject("select c.tenant_id, c.closed_at, c.decided_at, "
        + "(select count(*) from fa_case_party p where p.case_id = c.id and p.exempt is not null) assessed, "
        + "(select count(*) from fa_case_party p where p.case_id = c.id and p.exempt = true) exempt "
        + "from fa_case c where c.id = ?", (rs, i) -> new CaseCounts(rs.getString("tenant_id"),
            month(rs.getTimestamp("closed_at")), month(rs.getTimestamp("decided_at")), rs.getLong("assessed"),
            rs.getLong("exempt")), caseId);
  }

  private static LocalDate month(Timestamp at) {
    return at == null ? null : YearMonth.from(at.toLocalDateTime()).atDay(1);
  }

  // ---- summing a transaction's changes and writing them before it commits ----

  private void add(Rollup rollup, List<Object> key, long... counts) {
    Row row = new Row(rollup, key);
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(Map.of(row, counts));
      return;
    }
    @SuppressWarnings("unchecked")
    Map<Row, long[]> pending = (Map<Row, long[]>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Map<Row, long[]> changes = new TreeMap<>(ORDER);
      TransactionSynchronizationManager.bindResource(this, changes);
      TransactionSynchronizationManager.registerSynchronization(new PendingChanges(changes));
      pending = changes;
    }
    pending.merge(row, counts.clone(), (a, b) -> {
      for (int i = 0; i < a.length; i++) {
        a[i] += b[i];
      }
      return a;
    });
  }

  /** The changes of one transaction: written before it commits, set aside while a nested new one runs. */
  private final class PendingChanges implements TransactionSynchronization {
    private final Map<Row, long[]> changes;

    PendingChanges(Map<Row, long[]> changes) {
      this.changes = changes;
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(DashboardRollups.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(DashboardRollups.this, changes);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      write(changes);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(DashboardRollups.this);
    }
  }

  /** Writes the changes in {@link #ORDER}, on the connection of the current transaction. */
  private void write(Map<Row, long[]> changes) {
    jdbc.execute((ConnectionCallback<Void>) connection -> {
      for (Map.Entry<Row, long[]> change : changes.entrySet()) {
        if (Arrays.stream(change.getValue()).anyMatch(n -> n != 0)) {
          write(connection, change.getKey(), change.getValue());
        }
      }
      return null;
    });
  }

  private static void write(Connection connection, Row row, long[] counts) throws SQLException {
    if (update(connection, row, counts) == 1) {
      return;
    }
    boolean inTransaction = !connection.getAutoCommit();
    Savepoint beforeInsert = inTransaction ? connection.setSavepoint() : null;
    try {
      insert(connection, row, counts);
      if (inTransaction) {
        connection.releaseSavepoint(beforeInsert);
      }
    } catch (SQLException e) {
      // 23505: another transaction inserted the row since the update found none; add to that row
      if (!"23505".equals(e.getSQLState())) {
        throw e;
      }
      if (inTransaction) {
        connection.rollback(beforeInsert);
      }
      if (update(connection, row, counts) != 1) {
        throw new SQLException(row.rollup().table + " row " + row.key() + " neither inserted nor updated", e);
      }
    }
  }

  private static int update(Connection connection, Row row, long[] counts) throws SQLException {
    Rollup r = row.rollup();
    String sql = "update " + r.table + " set " + r.counts.stream().map(c -> c + " = " + c + " + ?")
        .collect(Collectors.joining(", ")) + " where " + r.keys.stream().map(k -> k + " = ?")
        .collect(Collectors.joining(" and "));
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      int i = 1;
      for (long n : counts) {
        update.setLong(i++, n);
      }
      for (Object value : row.key()) {
        update.setObject(i++, jdbcValue(value));
      }
      return update.executeUpdate();
    }
  }

  private static void insert(Connection connection, Row row, long[] counts) throws SQLException {
    Rollup r = row.rollup();
    List<String> columns = new java.util.ArrayList<>(r.keys);
    columns.addAll(r.counts);
    String sql = "insert into " + r.table + " (" + String.join(", ", columns) + ") values ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int i = 1;
      for (Object value : row.key()) {
        insert.setObject(i++, jdbcValue(value));
      }
      for (long n : counts) {
        insert.setLong(i++, n);
      }
      insert.executeUpdate();
    }
  }

  private static Object jdbcValue(Object value) {
    return value instanceof LocalDate d ? Date.valueOf(d) : value;
  }

  // ---- filling the roll-ups from the rows they count ----

  /**
   * Fills every roll-up from the rows it counts, replacing what it held: for the migration that creates them (V5_5)
   * and for rows written by SQL rather than through the repositories (the benchmark's generated cases, test
   * fixtures). Run it while no case is being worked on: a case changed meanwhile may be counted twice or not at all.
   */
  public static void rebuild(JdbcTemplate jdbc) {
    String month = "cast(date_trunc('month', %s) as date)";
    for (Rollup r : Rollup.values()) {
      jdbc.update("delete from " + r.table);
    }
    String decided = month.formatted("m.decided_at");
    jdbc.update("insert into fa_rollup_measure (tenant_id, month_start, unit, measure, n) select c.tenant_id, "
        + decided + ", " + MEASURE_UNIT + ", m.measure, count(*) from fa_case_measure m "
        + "join fa_case c on c.id = m.case_id left join fa_case_party p on p.id = m.party_id "
        + "where m.state = 'DECIDED' group by c.tenant_id, " + decided + ", " + MEASURE_UNIT + ", m.measure");
    String ended = month.formatted("d.closed_at");
    String days = "cast((extract(epoch from cast(d.closed_at as date)) - extract(epoch from d.event_on)) / 86400 "
        + "as integer)";
    jdbc.update("insert into fa_rollup_stage_days (tenant_id, month_start, stage, days, n) select c.tenant_id, "
        + ended + ", d.stage, " + days + ", count(*) from fa_deadline d join fa_case c on c.id = d.case_id "
        + "where d.closed_at is not null group by c.tenant_id, " + ended + ", d.stage, " + days);
    String caseDecided = month.formatted("c.decided_at");
    jdbc.update("insert into fa_rollup_exemption (tenant_id, month_start, assessed, exempt) select c.tenant_id, "
        + caseDecided + ", count(*), sum(case when p.exempt = true then 1 else 0 end) from fa_case c "
        + "join fa_case_party p on p.case_id = c.id where c.decided_at is not null and p.exempt is not null "
        + "group by c.tenant_id, " + caseDecided);
    String created = month.formatted("created_at");
    String closed = month.formatted("closed_at");
    jdbc.update("insert into fa_rollup_case_month (tenant_id, month_start, taken_in, closed) "
        + "select tenant_id, month_start, sum(taken_in), sum(closed) from ("
        + "select tenant_id, " + created + " month_start, 1 taken_in, 0 closed from fa_case union all "
        + "select tenant_id, " + closed + ", 0, 1 from fa_case where closed_at is not null) t "
        + "group by tenant_id, month_start");
  }
}
