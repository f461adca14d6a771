package cn.faultaccountability.dashboard;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every query of the dashboard, the {@code /api/stats} figures and the Prometheus gauges, in one place so that they
 * can be benchmarked. Each takes the tenants the caller may see (never empty) and, where it is about the past, a
 * period [from, to) of whole days. The indexes they rely on are in {@code V4__dashboard_indexes.sql}.
 * Portable SQL: PostgreSQL and H2.
 */
@Repository
public class DashboardQueries {

  private final NamedParameterJdbcTemplate jdbc;

  public DashboardQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A count of something of one tenant: a stage, a month ("2026-03"), an outcome, ... */
  public record TenantCount(String tenantId, String key, long count) {}

  /** A running deadline of an open case, with what the deadline board shows of the case. */
  public record OpenDeadline(long caseId, String businessKey, String tenantId, String processInstanceId,
      String unitName, String caseStage, String deadlineStage, LocalDate dueOn, LocalDate warnOn, boolean suspended) {}

  /** Measures decided (in force) for a unit, by measure code. */
  public record UnitMeasureCount(String tenantId, String unit, String measure, long count) {}

  /** How long the stages whose deadline ended in the period took, in calendar days from the triggering event. */
  public record StageDuration(String stage, double medianDays, long count) {}

  /** Parties whose circumstances were assessed in cases decided in the period, and how many were exempted. */
  public record Exemptions(String tenantId, long assessed, long exempt) {}

  /** Open cases (status OPEN) by the stage the case is in. */
  public List<TenantCount> openCasesByStage(Collection<String> tenants) {
    return jdbc.query("select tenant_id, stage, count(*) n from fa_case where tenant_id in (:tenants) "
        + "and status = 'OPEN' group by tenant_id, stage", params(tenants),
        (rs, i) -> new TenantCount(rs.getString("tenant_id"), rs.getString("stage"), rs.getLong("n")));
  }

  /**
   * Every deadline still running (not closed) of an open case. The colour is worked out from these columns by the
   * same rule as the case view ({@code CaseViewController.colour}); open deadlines are few next to closed ones.
   */
  public List<OpenDeadline> openDeadlines(Collection<String> tenants) {
    return jdbc.query("select c.id case_id, c.business_key, c.tenant_id, c.process_instance_id, c.unit_name, "
        + "c.stage case_stage, d.stage deadline_stage, d.due_on, d.warn_on, d.suspended_since "
        + "from fa_deadline d join fa_case c on c.id = d.case_id "
        + "where d.closed_at is null and c.status = 'OPEN' and c.tenant_id in (:tenants)", params(tenants),
        (rs, i) -> new OpenDeadline(rs.getLong("case_id"), rs.getString("business_key"), rs.getString("tenant_id"),
            rs.getString("process_instance_id"), rs.getString("unit_name"), rs.getString("case_stage"),
            rs.getString("deadline_stage"), rs.getDate("due_on").toLocalDate(), rs.getDate("warn_on").toLocalDate(),
            rs.getDate("suspended_since") != null));
  }

  /** Cases taken in (intake) per month; key "YYYY-MM". */
  public List<TenantCount> takenInPerMonth(Collection<String> tenants, LocalDate from, LocalDate to) {
    return perMonth("created_at", tenants, from, to);
  }

  /** Cases closed per month, whatever the outcome (closed, not filed, transferred to the unit); key "YYYY-MM". */
  public List<TenantCount> closedPerMonth(Collection<String> tenants, LocalDate from, LocalDate to) {
    return perMonth("closed_at", tenants, from, to);
  }

  private List<TenantCount> perMonth(String column, Collection<String> tenants, LocalDate from, LocalDate to) {
    String year = "extract(year from " + column + ")";
    String month = "extract(month from " + column + ")";
    return jdbc.query("select tenant_id, " + year + " y, " + month + " m, count(*) n from fa_case "
        + "where tenant_id in (:tenants) and " + column + " >= :from and " + column + " < :to "
        + "group by tenant_id, " + year + ", " + month, period(tenants, from, to),
        (rs, i) -> new TenantCount(rs.getString("tenant_id"),
            String.format("%04d-%02d", rs.getInt("y"), rs.getInt("m")), rs.getLong("n")));
  }

  /**
   * Measures decided in the period and still in force (state DECIDED: a review that modifies or revokes the
   * decision turns them REVOKED), by the unit they concern: the unit itself for a unit, the person's unit for a
   * person, else the case's unit.
   */
  public List<UnitMeasureCount> decidedMeasures(Collection<String> tenants, LocalDate from, LocalDate to) {
    String unit = "case when p.party_type = 'UNIT' then p.name else coalesce(p.unit_name, c.unit_name) end";
    return jdbc.query("select c.tenant_id, " + unit + " unit, m.measure, count(*) n from fa_case_measure m "
        + "join fa_case c on c.id = m.case_id left join fa_case_party p on p.id = m.party_id "
        + "where m.state = 'DECIDED' and m.decided_at >= :from and m.decided_at < :to "
        + "and c.tenant_id in (:tenants) group by c.tenant_id, " + unit + ", m.measure",
        period(tenants, from, to), (rs, i) -> new UnitMeasureCount(rs.getString("tenant_id"), rs.getString("unit"),
            rs.getString("measure"), rs.getLong("n")));
  }

  /**
   * Median days per deadline stage over the given tenants together (a median of medians is not a median): from the
   * triggering event to the day the stage ended, for stages that ended in the period.
   */
  public List<StageDuration> stageDurations(Collection<String> tenants, LocalDate from, LocalDate to) {
    String days = "(extract(epoch from cast(d.closed_at as date)) - extract(epoch from d.event_on)) / 86400";
    return jdbc.query("select d.stage, percentile_cont(0.5) within group (order by " + days + ") med, count(*) n "
        + "from fa_deadline d join fa_case c on c.id = d.case_id "
        + "where d.closed_at >= :from and d.closed_at < :to and c.tenant_id in (:tenants) group by d.stage",
        period(tenants, from, to), (rs, i) -> new StageDuration(rs.getString("stage"),
            ((Number) rs.getObject("med")).doubleValue(), rs.getLong("n")));
  }

  /** Parties assessed for circumstances (exempt not null) in cases decided in the period, and those exempted. */
  public List<Exemptions> exemptions(Collection<String> tenants, LocalDate from, LocalDate to) {
    return jdbc.query("select c.tenant_id, count(*) assessed, "
        + "sum(case when p.exempt = true then 1 else 0 end) exempt from fa_case c "
        + "join fa_case_party p on p.case_id = c.id where c.tenant_id in (:tenants) "
        + "and c.decided_at >= :from and c.decided_at < :to and p.exempt is not null group by c.tenant_id",
        period(tenants, from, to), (rs, i) -> new Exemptions(rs.getString("tenant_id"), rs.getLong("assessed"),
            rs.getLong("exempt")));
  }

  /** Review applications made in the period by outcome (UPHOLD / MODIFY / REVOKE; PENDING while undecided). */
  public List<TenantCount> reviewOutcomes(Collection<String> tenants, LocalDate from, LocalDate to) {
    return jdbc.query("select tenant_id, coalesce(review_outcome, 'PENDING') outcome, count(*) n from fa_case "
        + "where tenant_id in (:tenants) and review_applied_on >= :fromDay and review_applied_on < :toDay "
        + "group by tenant_id, coalesce(review_outcome, 'PENDING')", period(tenants, from, to),
        (rs, i) -> new TenantCount(rs.getString("tenant_id"), rs.getString("outcome"), rs.getLong("n")));
  }

  /** Decisions issued in the period (the cases a review could be applied for). */
  public List<TenantCount> decisionsIssued(Collection<String> tenants, LocalDate from, LocalDate to) {
    return jdbc.query("select tenant_id, count(*) n from fa_case where tenant_id in (:tenants) "
        + "and decided_at >= :from and decided_at < :to group by tenant_id", period(tenants, from, to),
        (rs, i) -> new TenantCount(rs.getString("tenant_id"), "DECIDED", rs.getLong("n")));
  }

  private static MapSqlParameterSource params(Collection<String> tenants) {
    if (tenants.isEmpty()) {
      throw new IllegalArgumentException("no tenants: the caller sees nothing, do not query");
    }
    return new MapSqlParameterSource("tenants", tenants);
  }

  private static MapSqlParameterSource period(Collection<String> tenants, LocalDate from, LocalDate to) {
    return params(tenants).addValue("from", Timestamp.valueOf(from.atStartOfDay()))
        .addValue("to", Timestamp.valueOf(to.atStartOfDay())).addValue("fromDay", Date.valueOf(from))
        .addValue("toDay", Date.valueOf(to));
  }
}
