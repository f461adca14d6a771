package cn.faultaccountability.dashboard;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every query of the dashboard, the {@code /api/stats} figures and the Prometheus gauges, in one place so that they
 * can be benchmarked. Each takes the tenants the caller may see (never empty) and, where it is about the past, a
 * period: months [from, to] for the figures kept in monthly roll-ups ({@link DashboardRollups}), days [from, to)
 * for the others. The indexes they rely on are in {@code V4__dashboard_indexes.sql} and {@code V5_6}.
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

  /** How many running deadlines have the same tenant, due and warning days and suspension. */
  public record DeadlineGroup(String tenantId, boolean suspended, LocalDate dueOn, LocalDate warnOn, long count) {}

  /**
   * The running deadlines (not closed), counted by what their colour depends on: the colour of each group is worked
   * out by the same rule as the case view ({@code CaseViewController.colour}), so the database returns a few hundred
   * groups instead of every deadline. Only open cases have running deadlines: closing a case ends them
   * ({@code CaseRepository.close}, and V5_8 for older data), so neither query reads the case table to filter.
   */
  public List<DeadlineGroup> openDeadlineGroups(Collection<String> tenants) {
    String suspended = "case when suspended_since is null then 0 else 1 end";
    return jdbc.query("select tenant_id, " + suspended + " suspended, due_on, warn_on, count(*) n from fa_deadline "
        + "where closed_at is null and tenant_id in (:tenants) group by tenant_id, " + suspended + ", due_on, warn_on",
        params(tenants), (rs, i) -> new DeadlineGroup(rs.getString("tenant_id"), rs.getInt("suspended") == 1,
            rs.getDate("due_on").toLocalDate(), rs.getDate("warn_on").toLocalDate(), rs.getLong("n")));
  }

  /**
   * The first {@code limit} running deadlines that are not suspended and whose warning day has come or due day has
   * passed on {@code today} (those the case view colours YELLOW or RED), the earliest due first, then by case and
   * deadline in the order they were opened. Read per tenant in the order of the index {@code fa_deadline_running}
   * (V5_9), so the database stops after {@code limit} rows and joins only those to their cases; the tenants' lists
   * are then merged (a case, and so a tie on due day and case, belongs to one tenant).
   */
  public List<OpenDeadline> urgentDeadlines(Collection<String> tenants, LocalDate today, int limit) {
    return tenants.stream().flatMap(tenant -> jdbc.query("select c.id case_id, c.business_key, c.tenant_id, "
        + "c.process_instance_id, c.unit_name, c.stage case_stage, d.stage deadline_stage, d.due_on, d.warn_on, "
        + "d.suspended_since from fa_deadline d join fa_case c on c.id = d.case_id "
        + "where d.closed_at is null and d.tenant_id = :tenant "
        + "and d.suspended_since is null and (d.warn_on <= :today or d.due_on < :today) "
        + "order by d.due_on, d.case_id, d.id fetch first " + limit + " rows only",
        new MapSqlParameterSource("tenant", tenant).addValue("today", Date.valueOf(today)),
        (rs, i) -> new OpenDeadline(rs.getLong("case_id"), rs.getString("business_key"), rs.getString("tenant_id"),
            rs.getString("process_instance_id"), rs.getString("unit_name"), rs.getString("case_stage"),
            rs.getString("deadline_stage"), rs.getDate("due_on").toLocalDate(), rs.getDate("warn_on").toLocalDate(),
            rs.getDate("suspended_since") != null)).stream())
        .sorted(Comparator.comparing(OpenDeadline::dueOn).thenComparing(OpenDeadline::caseId)).limit(limit).toList();
  }

  /** Cases taken in (intake) per month of the months [from, to]; key "YYYY-MM". */
  public List<TenantCount> takenInPerMonth(Collection<String> tenants, YearMonth from, YearMonth to) {
    return perMonth("taken_in", tenants, from, to);
  }

  /**
   * Cases closed per month of the months [from, to], whatever the outcome (closed, not filed, transferred to the
   * unit); key "YYYY-MM".
   */
  public List<TenantCount> closedPerMonth(Collection<String> tenants, YearMonth from, YearMonth to) {
    return perMonth("closed", tenants, from, to);
  }

  private List<TenantCount> perMonth(String column, Collection<String> tenants, YearMonth from, YearMonth to) {
    return jdbc.query("select tenant_id, month_start, " + column + " n from fa_rollup_case_month "
        + "where tenant_id in (:tenants) and month_start between :from and :to and " + column + " <> 0",
        months(tenants, from, to), (rs, i) -> new TenantCount(rs.getString("tenant_id"),
            YearMonth.from(rs.getDate("month_start").toLocalDate()).toString(), rs.getLong("n")));
  }

  /**
   * Measures decided in the months [from, to] and still in force (state DECIDED: a review that modifies or revokes
   * the decision turns them REVOKED), by the unit they concern: the unit itself for a unit, the person's unit for a
   * person, else the case's unit ({@link DashboardRollups#MEASURE_UNIT}).
   */
  public List<UnitMeasureCount> decidedMeasures(Collection<String> tenants, YearMonth from, YearMonth to) {
    return jdbc.query("select tenant_id, unit, measure, sum(n) n from fa_rollup_measure "
        + "where tenant_id in (:tenants) and month_start between :from and :to "
        + "group by tenant_id, unit, measure having sum(n) <> 0", months(tenants, from, to),
        (rs, i) -> new UnitMeasureCount(rs.getString("tenant_id"), rs.getString("unit"), rs.getString("measure"),
            rs.getLong("n")));
  }

  /**
   * Median days per deadline stage over the given tenants together (a median of medians is not a median): from the
   * triggering event to the day the stage ended, for stages that ended in the months [from, to]. The roll-up holds
   * how many stages took each number of days, so the median is exact: the middle value, or the mean of the two
   * middle values of an even count (as SQL's percentile_cont(0.5)).
   */
  public List<StageDuration> stageDurations(Collection<String> tenants, YearMonth from, YearMonth to) {
    Map<String, TreeMap<Integer, Long>> histograms = new LinkedHashMap<>();
    jdbc.query("select stage, days, sum(n) n from fa_rollup_stage_days where tenant_id in (:tenants) "
        + "and month_start between :from and :to group by stage, days having sum(n) <> 0",
        months(tenants, from, to), rs -> {
          histograms.computeIfAbsent(rs.getString("stage"), s -> new TreeMap<>()).put(rs.getInt("days"),
              rs.getLong("n"));
        });
    List<StageDuration> durations = new ArrayList<>();
    histograms.forEach((stage, histogram) -> {
      long count = histogram.values().stream().mapToLong(Long::longValue).sum();
      durations.add(new StageDuration(stage, (nth(histogram, (count - 1) / 2) + nth(histogram, count / 2)) / 2.0,
          count));
    });
    return durations;
  }

  /** The value at 0-based position {@code index} of the sorted values a histogram counts. */
  private static int nth(TreeMap<Integer, Long> histogram, long index) {
    long seen = 0;
    for (Map.Entry<Integer, Long> bar : histogram.entrySet()) {
      seen += bar.getValue();
      if (index < seen) {
        return bar.getKey();
      }
    }
    throw new IllegalArgumentException("position " + index + " beyond the " + seen + " values counted");
  }

  /**
   * Parties assessed for circumstances (exempt not null) in cases decided in the months [from, to], and those
   * exempted.
   */
  public List<Exemptions> exemptions(Collection<String> tenants, YearMonth from, YearMonth to) {
    return jdbc.query("select tenant_id, sum(assessed) assessed, sum(exempt) exempt from fa_rollup_exemption "
        + "where tenant_id in (:tenants) and month_start between :from and :to group by tenant_id "
        + "having sum(assessed) <> 0", months(tenants, from, to), (rs, i) -> new Exemptions(rs.getString("tenant_id"),
            rs.getLong("assessed"), rs.getLong("exempt")));
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

  /** The months [from, to] as the first days of the months the roll-ups are kept by. */
  private static MapSqlParameterSource months(Collection<String> tenants, YearMonth from, YearMonth to) {
    return params(tenants).addValue("from", Date.valueOf(from.atDay(1))).addValue("to", Date.valueOf(to.atDay(1)));
  }

  private static MapSqlParameterSource period(Collection<String> tenants, LocalDate from, LocalDate to) {
    return params(tenants).addValue("from", Timestamp.valueOf(from.atStartOfDay()))
        .addValue("to", Timestamp.valueOf(to.atStartOfDay())).addValue("fromDay", Date.valueOf(from))
        .addValue("toDay", Date.valueOf(to));
  }
}
