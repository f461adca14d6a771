package cn.faultaccountability.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.dashboard.DashboardQueries.Exemptions;
import cn.faultaccountability.dashboard.DashboardQueries.StageDuration;
import cn.faultaccountability.dashboard.DashboardQueries.TenantCount;
import cn.faultaccountability.dashboard.DashboardQueries.UnitMeasureCount;
import cn.faultaccountability.deadlines.DeadlineRepository;
import cn.faultaccountability.deadlines.DeadlineRepository.DeadlineRow;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's monthly roll-ups ({@link DashboardRollups}) give exactly what the rows they count give: random
 * cases are written through the repositories the procedure uses (measures decided, revised and revoked, parties
 * assessed, decisions issued in different months, deadlines ended after different numbers of days, cases closed),
 * some of them in transactions that roll back, and every figure read from the roll-ups is compared with the same
 * figure counted from the rows by the queries the dashboard used before the roll-ups ({@link #rowCounts}). Then the
 * roll-ups are rebuilt from the rows (the migration's way) and must not change. The deadline board's grouped counts
 * and urgent list are checked the same way against the case view's colour rule applied to every running deadline.
 */
@JdbcTest
@Import({CaseRepository.class, DeadlineRepository.class, DashboardRollups.class, DashboardQueries.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class AbstractDashboardRollupsTest {

  static final List<String> TENANTS = List.of("jilin", "mingshan", "changzhou", "jinan");
  static final List<String> MEASURES = List.of("ORDER_CORRECTION", "WRITTEN_SELF_CRITICISM", "CIRCULATED_CRITICISM");
  static final List<String> STAGES = List.of("PRELIMINARY_CHECK", "DECISION_AFTER_FILING", "REVIEW");

  @Autowired CaseRepository cases;
  @Autowired DeadlineRepository deadlines;
  @Autowired DashboardQueries queries;
  @Autowired JdbcTemplate jdbc;
  @Autowired NamedParameterJdbcTemplate named;
  @Autowired PlatformTransactionManager transactions;

  private static final AtomicInteger KEYS = new AtomicInteger();

  @Test
  void everyFigureFromTheRollupsEqualsTheSameFigureCountedFromTheRows() {
    Random random = new Random(20261123);
    List<Long> committed = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      boolean rollBack = random.nextInt(5) == 0;
      Long id = inTransaction(rollBack, () -> newCase(random));
      if (!rollBack) {
        committed.add(id);
      }
    }
    // later steps on cases already there: a review revises the measures, a stage ends, a case closes
    for (int i = 0; i < 80; i++) {
      long caseId = committed.get(random.nextInt(committed.size()));
      inTransaction(random.nextInt(5) == 0, () -> {
        laterStep(random, caseId);
        return null;
      });
    }
    assertSameFigures(TENANTS);
    assertSameFigures(List.of("jinan"));
    assertSameFigures(List.of("jilin", "changzhou"));

    Map<String, List<Map<String, Object>>> kept = rollupRows();
    DashboardRollups.rebuild(jdbc);
    assertThat(rollupRows()).as("rebuilt from the rows").isEqualTo(kept);
  }

  @Test
  void transactionsThatCreateTheSameNewRowsAtOnceLoseNoCount() throws Exception {
    int threads = 4;
    int rounds = 10;
    String unit = "并发测试单位" + KEYS.incrementAndGet();
    long[] caseIds = new long[threads];
    for (int t = 0; t < threads; t++) {
      caseIds[t] = inTransaction(false, () -> cases.createCase(newCase("jinan", unit)));
    }
    CyclicBarrier everyoneWrote = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long caseId = caseIds[t];
        done.add(pool.submit(() -> {
          for (int round = 0; round < rounds; round++) {
            String x = "X_" + round;
            String y = "Y_" + round;
            inTransaction(false, () -> {
              // the same two new rows, half of the transactions in one order, half in the other: written at commit
              // in one order, so they wait for each other instead of deadlocking
              long party = cases.addParty(caseId, "UNIT", unit, null, null, null);
              for (String measure : caseId % 2 == 0 ? List.of(x, y) : List.of(y, x)) {
                cases.addMeasure(caseId, party, measure, true, null, "DECIDED", "TABLE", null, "t");
              }
              await(everyoneWrote);
              return null;
            });
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    YearMonth now = YearMonth.now();
    Map<String, Long> counted = new HashMap<>();
    queries.decidedMeasures(List.of("jinan"), now, now).stream().filter(m -> m.unit().equals(unit))
        .forEach(m -> counted.put(m.measure(), m.count()));
    assertThat(counted).hasSize(rounds * 2);
    assertThat(counted.values()).allSatisfy(n -> assertThat(n).isEqualTo(threads));
    assertSameFigures(List.of("jinan"));
  }

  @Test
  void theDeadlineBoardCountsAndListsWhatTheCaseViewsColourRuleGivesForEveryRunningDeadline() {
    Random random = new Random(7);
    LocalDate today = LocalDate.now();
    // two tenants, as for a manager of both: each tenant's urgent list is read on its own and merged
    List<String> tenants = List.of("board" + KEYS.incrementAndGet(), "board" + KEYS.incrementAndGet());
    for (int i = 0; i < 60; i++) {
      inTransaction(false, () -> {
        long caseId = cases.createCase(newCase(tenants.get(random.nextInt(2)), "单位" + random.nextInt(3)));
        for (int d = 1 + random.nextInt(3); d > 0; d--) {
          LocalDate due = today.plusDays(random.nextInt(41) - 20);
          LocalDate warn = due.minusDays(random.nextInt(6));
          String stage = STAGES.get(random.nextInt(STAGES.size()));
          deadlines.insert(new DeadlineRow(0, caseId, stage, due.minusDays(30), "P30D", false, "P5D", null, "测试依据",
              due, warn, false, "GREEN", null, "测试", null, null, null, null));
          long id = deadlines.current(caseId, stage).orElseThrow().id();
          switch (random.nextInt(5)) {
            case 0 -> deadlines.close(id);
            case 1 -> deadlines.suspendedSince(id, today.minusDays(3));
            default -> { }
          }
        }
        if (random.nextInt(5) == 0) {
          cases.close(caseId, "CLOSED");
        }
        return null;
      });
    }
    // every running deadline of an open case, coloured one by one as the case view does
    List<DashboardQueries.OpenDeadline> running = jdbc.query("select c.id, c.business_key, c.tenant_id, "
        + "c.process_instance_id, c.unit_name, c.stage, d.stage, d.due_on, d.warn_on, d.suspended_since "
        + "from fa_deadline d join fa_case c on c.id = d.case_id where d.closed_at is null and c.status = 'OPEN' "
        + "and c.tenant_id in (?, ?)", (rs, i) -> new DashboardQueries.OpenDeadline(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getDate(8).toLocalDate(), rs.getDate(9).toLocalDate(), rs.getDate(10) != null), tenants.get(0),
            tenants.get(1));
    Map<String, Long> expected = new HashMap<>();
    running.forEach(d -> expected.merge(d.tenantId() + " " + DashboardService.colour(d, today), 1L, Long::sum));
    Map<String, Long> grouped = new HashMap<>();
    queries.openDeadlineGroups(tenants).forEach(g -> grouped.merge(g.tenantId() + " " + DashboardService.colour(g,
        today), g.count(), Long::sum));
    assertThat(grouped).isEqualTo(expected).hasSize(8);

    List<String> urgent = running.stream().filter(d -> List.of("RED", "YELLOW").contains(
        DashboardService.colour(d, today))).sorted(java.util.Comparator.comparing(DashboardQueries.OpenDeadline::dueOn)
        .thenComparing(DashboardQueries.OpenDeadline::caseId)).map(d -> d.dueOn() + " " + d.businessKey())
        .toList();
    assertThat(queries.urgentDeadlines(tenants, today, 1000)).extracting(d -> d.dueOn() + " " + d.businessKey())
        .containsExactlyElementsOf(urgent);
    assertThat(queries.urgentDeadlines(tenants, today, 10)).extracting(d -> d.dueOn() + " " + d.businessKey())
        .containsExactlyElementsOf(urgent.subList(0, 10));
  }

  // ---- writing cases as the procedure does ----

  private long newCase(Random random) {
    String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
    String caseUnit = "单位" + random.nextInt(4);
    long caseId = cases.createCase(newCase(tenant, caseUnit));
    List<Long> parties = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int p = 0; p < count; p++) {
      parties.add(switch (random.nextInt(3)) {
        case 0 -> cases.addParty(caseId, "UNIT", "单位" + random.nextInt(4), null, null, null);
        case 1 -> cases.addParty(caseId, "PERSON", "张" + random.nextInt(3), "HANDLER", "单位" + random.nextInt(4),
            null);
        default -> cases.addParty(caseId, "PERSON", "李" + random.nextInt(3), "APPROVER", null, null);
      });
    }
    for (long party : parties) {
      for (int m = random.nextInt(3); m > 0; m--) {
        String state = List.of("PROPOSED", "DECIDED", "DECIDED", "EXECUTED").get(random.nextInt(4));
        cases.addMeasure(caseId, random.nextInt(6) == 0 ? null : party, MEASURES.get(random.nextInt(3)),
            random.nextBoolean(), null, state, "TABLE", null, "t");
      }
      if (random.nextInt(4) != 0) {
        cases.setExempt(party, random.nextInt(3) == 0);
      }
    }
    if (random.nextBoolean()) {
      decide(random, caseId);
    }
    for (int d = random.nextInt(3); d > 0; d--) {
      long deadline = newDeadline(random, caseId);
      if (random.nextBoolean()) {
        deadlines.close(deadline);
      }
    }
    return caseId;
  }

  private void laterStep(Random random, long caseId) {
    switch (random.nextInt(6)) {
      case 0 -> {
        cases.retireMeasures(caseId, "DECIDED");
        for (int m = random.nextInt(3); m > 0; m--) {
          cases.addMeasure(caseId, null, MEASURES.get(random.nextInt(3)), false, null, "DECIDED", "REVIEW", null,
              "t");
        }
      }
      case 1 -> cases.retireMeasures(caseId, "EXECUTED");
      case 2 -> decide(random, caseId);
      case 3 -> cases.parties(caseId).forEach(p -> cases.setExempt(p.id(), random.nextBoolean()));
      case 4 -> cases.close(caseId, "CLOSED");
      default -> {
        long deadline = newDeadline(random, caseId);
        deadlines.close(deadline);
        // a second close does nothing: the stage ended once
        deadlines.close(deadline);
      }
    }
  }

  /** A decision issued in one of the last months (the exemptions count in the decision's month). */
  private void decide(Random random, long caseId) {
    cases.update(caseId, "decided_at", LocalDateTime.now().minusDays(random.nextInt(120)).withNano(0));
  }

  private long newDeadline(Random random, long caseId) {
    String stage = STAGES.get(random.nextInt(STAGES.size()));
    LocalDate event = LocalDate.now().minusDays(random.nextInt(25));
    deadlines.insert(new DeadlineRow(0, caseId, stage, event, "P30D", false, "P5D", null, "测试依据",
        event.plusDays(30), event.plusDays(25), false, "GREEN", null, "测试", null, null, null, null));
    return deadlines.current(caseId, stage).orElseThrow().id();
  }

  private static CaseRepository.NewCase newCase(String tenant, String unit) {
    return new CaseRepository.NewCase("ROLLUP-" + System.nanoTime() + "-" + KEYS.incrementAndGet(), tenant, null,
        "COMPLAINT", "测试", unit, null, LocalDate.now().minusDays(10), null);
  }

  private <T> T inTransaction(boolean rollBack, java.util.function.Supplier<T> work) {
    return new TransactionTemplate(transactions).execute(status -> {
      T result = work.get();
      if (rollBack) {
        status.setRollbackOnly();
      }
      return result;
    });
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the figures from the roll-ups and from the rows ----

  private void assertSameFigures(List<String> tenants) {
    YearMonth now = YearMonth.now();
    for (YearMonth[] period : List.of(new YearMonth[] {now.minusMonths(5), now}, new YearMonth[] {now, now},
        new YearMonth[] {now.minusMonths(3), now.minusMonths(1)}, new YearMonth[] {now.plusMonths(1),
            now.plusMonths(2)})) {
      YearMonth from = period[0];
      YearMonth to = period[1];
      Map<String, Object> fromRows = rowCounts(tenants, from, to);
      assertThat(figures(tenants, from, to)).as(tenants + " " + from + ".." + to).usingRecursiveComparison()
          .ignoringFields("medians").isEqualTo(fromRows);
      @SuppressWarnings("unchecked")
      Map<String, Double> medians = (Map<String, Double>) fromRows.get("medians");
      Map<String, Double> rolledUp = new HashMap<>();
      queries.stageDurations(tenants, from, to).forEach(d -> rolledUp.put(d.stage(), d.medianDays()));
      assertThat(rolledUp.keySet()).isEqualTo(medians.keySet());
      medians.forEach((stage, median) -> assertThat(rolledUp.get(stage)).as(stage).isCloseTo(median, within(1e-9)));
    }
  }

  private Map<String, Object> figures(List<String> tenants, YearMonth from, YearMonth to) {
    Map<String, Object> f = new HashMap<>();
    Map<String, Long> measures = new HashMap<>();
    for (UnitMeasureCount m : queries.decidedMeasures(tenants, from, to)) {
      measures.put(m.tenantId() + "|" + m.unit() + "|" + m.measure(), m.count());
    }
    f.put("measures", measures);
    Map<String, Long> durations = new HashMap<>();
    for (StageDuration d : queries.stageDurations(tenants, from, to)) {
      durations.put(d.stage(), d.count());
    }
    f.put("durations", durations);
    Map<String, List<Long>> exemptions = new HashMap<>();
    for (Exemptions e : queries.exemptions(tenants, from, to)) {
      exemptions.put(e.tenantId(), List.of(e.assessed(), e.exempt()));
    }
    f.put("exemptions", exemptions);
    f.put("takenIn", byMonth(queries.takenInPerMonth(tenants, from, to)));
    f.put("closed", byMonth(queries.closedPerMonth(tenants, from, to)));
    return f;
  }

  private static Map<String, Long> byMonth(List<TenantCount> counts) {
    Map<String, Long> m = new HashMap<>();
    counts.forEach(c -> m.put(c.tenantId() + "|" + c.key(), c.count()));
    return m;
  }

  /** The same figures counted from the rows, by the dashboard's queries from before the roll-ups. */
  private Map<String, Object> rowCounts(List<String> tenants, YearMonth from, YearMonth to) {
    MapSqlParameterSource p = new MapSqlParameterSource("tenants", tenants)
        .addValue("from", Timestamp.valueOf(from.atDay(1).atStartOfDay()))
        .addValue("to", Timestamp.valueOf(to.plusMonths(1).atDay(1).atStartOfDay()));
    Map<String, Object> f = new HashMap<>();
    Map<String, Long> measures = new HashMap<>();
    named.query("select c.tenant_id, " + DashboardRollups.MEASURE_UNIT + " unit, m.measure, count(*) n "
        + "from fa_case_measure m join fa_case c on c.id = m.case_id left join fa_case_party p on p.id = m.party_id "
        + "where m.state = 'DECIDED' and m.decided_at >= :from and m.decided_at < :to and c.tenant_id in (:tenants) "
        + "group by c.tenant_id, " + DashboardRollups.MEASURE_UNIT + ", m.measure", p, rs -> {
          measures.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getLong(4));
        });
    f.put("measures", measures);
    String days = "(extract(epoch from cast(d.closed_at as date)) - extract(epoch from d.event_on)) / 86400";
    Map<String, Long> durations = new HashMap<>();
    Map<String, Double> medians = new HashMap<>();
    named.query("select d.stage, percentile_cont(0.5) within group (order by " + days + ") med, count(*) n "
        + "from fa_deadline d join fa_case c on c.id = d.case_id "
        + "where d.closed_at >= :from and d.closed_at < :to and c.tenant_id in (:tenants) group by d.stage", p,
        rs -> {
          durations.put(rs.getString(1), rs.getLong(3));
          medians.put(rs.getString(1), ((Number) rs.getObject(2)).doubleValue());
        });
    f.put("durations", durations);
    f.put("medians", medians);
    Map<String, List<Long>> exemptions = new HashMap<>();
    named.query("select c.tenant_id, count(*) assessed, sum(case when p.exempt = true then 1 else 0 end) exempt "
        + "from fa_case c join fa_case_party p on p.case_id = c.id where c.tenant_id in (:tenants) "
        + "and c.decided_at >= :from and c.decided_at < :to and p.exempt is not null group by c.tenant_id", p, rs -> {
          exemptions.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
        });
    f.put("exemptions", exemptions);
    f.put("takenIn", perMonth("created_at", p));
    f.put("closed", perMonth("closed_at", p));
    return f;
  }

  private Map<String, Long> perMonth(String column, MapSqlParameterSource p) {
    Map<String, Long> m = new HashMap<>();
    named.query("select tenant_id, extract(year from " + column + "), extract(month from " + column + "), count(*) "
        + "from fa_case where tenant_id in (:tenants) and " + column + " >= :from and " + column + " < :to "
        + "group by tenant_id, extract(year from " + column + "), extract(month from " + column + ")", p, rs -> {
          m.put(rs.getString(1) + "|" + String.format("%04d-%02d", rs.getInt(2), rs.getInt(3)), rs.getLong(4));
        });
    return m;
  }

  /** Every roll-up row that counts something, in key order. */
  private Map<String, List<Map<String, Object>>> rollupRows() {
    Map<String, List<Map<String, Object>>> rows = new HashMap<>();
    for (DashboardRollups.Rollup r : DashboardRollups.Rollup.values()) {
      rows.put(r.table, jdbc.queryForList("select * from " + r.table + " where "
          + String.join(" <> 0 or ", r.counts) + " <> 0 order by " + String.join(", ", r.keys)));
    }
    return rows;
  }
}
