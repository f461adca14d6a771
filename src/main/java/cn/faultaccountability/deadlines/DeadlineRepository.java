package cn.faultaccountability.deadlines;

import cn.faultaccountability.dashboard.DashboardRollups;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** fa_deadline: a case's statutory deadlines, with how each due date was computed. */
@Repository
public class DeadlineRepository {

  private final JdbcTemplate jdbc;
  private final DashboardRollups rollups;

  public DeadlineRepository(JdbcTemplate jdbc, DashboardRollups rollups) {
    this.jdbc = jdbc;
    this.rollups = rollups;
  }

  public record DeadlineRow(long id, long caseId, String stage, LocalDate eventOn, String period,
      boolean countWorkingDays, String warnBefore, String maxExtension, String basis, LocalDate dueOn,
      LocalDate warnOn, boolean provisional, String state, LocalDate suspendedSince, String explanation,
      String extensions, String suspensions, LocalDateTime createdAt, LocalDateTime closedAt) {}

  /** Inserts a running deadline; its tenant is the case's, kept on the row for the deadline board (V5_9). */
  public void insert(DeadlineRow row) {
    jdbc.update("insert into fa_deadline (case_id, tenant_id, stage, event_on, period, count_working_days, "
        + "warn_before, max_extension, basis, due_on, warn_on, provisional, state, explanation, extensions, "
        + "suspensions, created_at) select c.id, c.tenant_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
        + "from fa_case c where c.id = ?", row.stage(), Date.valueOf(row.eventOn()), row.period(),
        row.countWorkingDays(), row.warnBefore(), row.maxExtension(), row.basis(), Date.valueOf(row.dueOn()),
        Date.valueOf(row.warnOn()), row.provisional(), row.state(), row.explanation(), row.extensions(),
        row.suspensions(), Timestamp.valueOf(LocalDateTime.now()), row.caseId());
  }

  /** The deadline of the stage that is running (the latest one: a stage can run again, e.g. a second review). */
  public Optional<DeadlineRow> current(long caseId, String stage) {
    return jdbc.query("select * from fa_deadline where case_id = ? and stage = ? order by id desc", this::row,
        caseId, stage).stream().findFirst();
  }

  public List<DeadlineRow> forCase(long caseId) {
    return jdbc.query("select * from fa_deadline where case_id = ? order by id", this::row, caseId);
  }

  public void recomputed(long id, LocalDate dueOn, LocalDate warnOn, boolean provisional, String explanation,
      String extensions, String suspensions, String state) {
    jdbc.update("update fa_deadline set due_on = ?, warn_on = ?, provisional = ?, explanation = ?, extensions = ?, "
        + "suspensions = ?, state = ? where id = ?", Date.valueOf(dueOn), Date.valueOf(warnOn), provisional,
        explanation, extensions, suspensions, state, id);
  }

  public void suspendedSince(long id, LocalDate since) {
    jdbc.update("update fa_deadline set suspended_since = ? where id = ?", since == null ? null : Date.valueOf(since),
        id);
  }

  public void state(long id, String state) {
    jdbc.update("update fa_deadline set state = ? where id = ? and closed_at is null", state, id);
  }

  public void close(long id) {
    if (jdbc.update("update fa_deadline set state = 'DONE', closed_at = ? where id = ? and closed_at is null",
        Timestamp.valueOf(LocalDateTime.now()), id) == 1) {
      rollups.stageEnded(id);
    }
  }

  /**
   * Ends whatever deadline of the case is still running: a closed case has none (the deadline board counts running
   * deadlines without looking at the case).
   */
  public void closeRunning(long caseId) {
    jdbc.queryForList("select id from fa_deadline where case_id = ? and closed_at is null", Long.class, caseId)
        .forEach(this::close);
  }

  private DeadlineRow row(ResultSet rs, int i) throws SQLException {
    Date suspended = rs.getDate("suspended_since");
    Timestamp closed = rs.getTimestamp("closed_at");
    return new DeadlineRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("stage"),
        rs.getDate("event_on").toLocalDate(), rs.getString("period"), rs.getBoolean("count_working_days"),
        rs.getString("warn_before"), rs.getString("max_extension"), rs.getString("basis"),
        rs.getDate("due_on").toLocalDate(), rs.getDate("warn_on").toLocalDate(), rs.getBoolean("provisional"),
        rs.getString("state"), suspended == null ? null : suspended.toLocalDate(), rs.getString("explanation"),
        rs.getString("extensions"), rs.getString("suspensions"), rs.getTimestamp("created_at").toLocalDateTime(),
        closed == null ? null : closed.toLocalDateTime());
  }
}
