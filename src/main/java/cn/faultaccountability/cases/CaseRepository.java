package cn.faultaccountability.cases;

import cn.faultaccountability.dashboard.DashboardRollups;
import cn.faultaccountability.deadlines.DeadlineRepository;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Our case tables (Flyway, {@code fa_*}). They share the engine's data source and Spring transaction, so what a
 * delegate writes here commits or rolls back together with the engine's own state.
 */
@Repository
public class CaseRepository {

  /** Columns of fa_case that the procedure fills in as it goes. */
  private static final Set<String> UPDATABLE = Set.of("not_filed_reason", "scenario", "fault_category", "severity",
      "large_impact", "crime_suspected", "compensation_paid", "disciplinary_matter", "facts", "evidence",
      "investigators", "decided_at", "served_on", "review_applied_on", "review_outcome", "review_reason",
      "process_instance_id", "complainant_contact");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final DashboardRollups rollups;
  private final DeadlineRepository deadlines;

  public CaseRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions, DashboardRollups rollups,
      DeadlineRepository deadlines) {
    this.jdbc = jdbc;
    this.rollups = rollups;
    this.deadlines = deadlines;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next {@code <TENANT>-<YEAR>-<5 digits>} (SPEC §2); the row lock serialises concurrent intakes. */
  public String nextBusinessKey(String tenantId, int year) {
    if (increment(tenantId, year) == 0) {
      createSequence(tenantId, year);
      increment(tenantId, year);
    }
    Integer value = jdbc.queryForObject("select last_value from fa_business_key_sequence "
        + "where tenant_id = ? and case_year = ?", Integer.class, tenantId, year);
    return String.format("%s-%d-%05d", tenantId.toUpperCase(), year, value);
  }

  private int increment(String tenantId, int year) {
    return jdbc.update("update fa_business_key_sequence set last_value = last_value + 1 "
        + "where tenant_id = ? and case_year = ?", tenantId, year);
  }

  /**
   * The jurisdiction's first case of the year creates its counter, in a transaction of its own: when two intakes
   * (e.g. on two nodes) both find no counter, one insert fails on the primary key, and on PostgreSQL a failed statement
   * would spoil the intake's own transaction. The loser simply uses the counter the winner created.
   */
  private void createSequence(String tenantId, int year) {
    newTransaction.executeWithoutResult(status -> {
      try {
        jdbc.update("insert into fa_business_key_sequence (tenant_id, case_year, last_value) values (?, ?, 0)",
            tenantId, year);
      } catch (DuplicateKeyException concurrentFirst) {
        status.setRollbackOnly();
      }
    });
  }

  public long createCase(NewCase c) {
    long caseId = insert("insert into fa_case (business_key, tenant_id, process_instance_id, source, act_description, "
        + "unit_name, fault_ended_on, discovered_on, complainant_contact, stage, status, created_at) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'INTAKE', 'OPEN', ?)", c.businessKey(), c.tenantId(),
        c.processInstanceId(), c.source(), c.actDescription(), c.unitName(),
        c.faultEndedOn() == null ? null : Date.valueOf(c.faultEndedOn()), Date.valueOf(c.discoveredOn()),
        c.complainantContact(), Timestamp.valueOf(LocalDateTime.now()));
    rollups.caseTakenIn(caseId);
    return caseId;
  }

  /** Inserts a row and returns its generated id. */
  private long insert(String sql, Object... values) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement(sql, new String[] {"id"});
      new ArgumentPreparedStatementSetter(values).setValues(ps);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public record NewCase(String businessKey, String tenantId, String processInstanceId, String source,
      String actDescription, String unitName, LocalDate faultEndedOn, LocalDate discoveredOn,
      String complainantContact) {}

  public record CaseRow(long id, String businessKey, String tenantId, String processInstanceId, String source,
      String actDescription, String unitName, LocalDate faultEndedOn, LocalDate discoveredOn,
      String complainantContact, String stage, String status, Map<String, Object> details) {}

  public Optional<CaseRow> findByBusinessKey(String businessKey) {
    return jdbc.query("select * from fa_case where business_key = ?", this::caseRow, businessKey).stream().findFirst();
  }

  public CaseRow get(long caseId) {
    return jdbc.queryForObject("select * from fa_case where id = ?", this::caseRow, caseId);
  }

  public void update(long caseId, String column, Object value) {
    if (!UPDATABLE.contains(column)) {
      throw new IllegalArgumentException("fa_case." + column + " is not updatable by the procedure");
    }
    Runnable write = () -> jdbc.update("update fa_case set " + column + " = ? where id = ?", jdbcValue(value),
        caseId);
    // the decision's month is where the case's exemptions count on the dashboard
    if ("decided_at".equals(column)) {
      rollups.changingCase(caseId, write);
    } else {
      write.run();
    }
  }

  public void setStage(long caseId, String stage) {
    jdbc.update("update fa_case set stage = ? where id = ?", stage, caseId);
  }

  /** Closes the case, and with it any deadline still running (the closing step is the procedure's last). */
  public void close(long caseId, String status) {
    rollups.changingCase(caseId, () -> jdbc.update("update fa_case set stage = 'CLOSED', status = ?, closed_at = ? "
        + "where id = ?", status, Timestamp.valueOf(LocalDateTime.now()), caseId));
    deadlines.closeRunning(caseId);
  }

  // ---- parties ----

  public long addParty(long caseId, String type, String name, String role, String unitName, Boolean leadUnit) {
    return insert("insert into fa_case_party (case_id, party_type, name, role, unit_name, lead_unit) "
        + "values (?, ?, ?, ?, ?, ?)", caseId, type, name, role, unitName, leadUnit);
  }

  public List<CaseParty> parties(long caseId) {
    return jdbc.query("select * from fa_case_party where case_id = ? order by id", this::partyRow, caseId);
  }

  public CaseParty party(long partyId) {
    return jdbc.queryForObject("select * from fa_case_party where id = ?", this::partyRow, partyId);
  }

  public void setLiability(long partyId, String liability, String basis, String source) {
    jdbc.update("update fa_case_party set liability = ?, liability_basis = ?, liability_source = ? where id = ?",
        liability, basis, source, partyId);
  }

  public void setAssessmentInputs(long partyId, String factors, int withinYear, int inCalendarYear) {
    jdbc.update("update fa_case_party set factors = ?, faults_within_year = ?, faults_in_calendar_year = ? "
        + "where id = ?", factors, withinYear, inCalendarYear, partyId);
  }

  public void setExempt(long partyId, boolean exempt) {
    long caseId = jdbc.queryForObject("select case_id from fa_case_party where id = ?", Long.class, partyId);
    rollups.changingCase(caseId, () -> jdbc.update("update fa_case_party set exempt = ? where id = ?", exempt,
        partyId));
  }

  /**
   * Faults of the same person (same name in the same unit) or the same unit in other cases whose fault ended in
   * [from, to] and that were decided without exemption. The current case is counted by the caller.
   */
  public int earlierFaults(CaseParty party, long excludingCaseId, LocalDate from, LocalDate to) {
    String sameParty = party.isUnit()
        ? "p.party_type = 'UNIT' and p.name = ?"
        : "p.party_type = 'PERSON' and p.name = ? and coalesce(p.unit_name, '') = coalesce(?, '')";
    List<Object> args = new ArrayList<>();
    args.add(party.name());
    if (!party.isUnit()) {
      args.add(party.unitName());
    }
    args.add(excludingCaseId);
    args.add(Date.valueOf(from));
    args.add(Date.valueOf(to));
    Integer count = jdbc.queryForObject("select count(distinct c.id) from fa_case c join fa_case_party p "
        + "on p.case_id = c.id where " + sameParty + " and c.id <> ? and c.decided_at is not null "
        + "and coalesce(p.exempt, false) = false "
        + "and coalesce(c.fault_ended_on, c.discovered_on) between ? and ?", Integer.class, args.toArray());
    return count == null ? 0 : count;
  }

  // ---- circumstances, measures, decisions used, events ----

  public void addCircumstance(long caseId, long partyId, String effect, String basis) {
    jdbc.update("insert into fa_case_circumstance (case_id, party_id, effect, basis) values (?, ?, ?, ?)",
        caseId, partyId, effect, basis);
  }

  public List<Map<String, Object>> circumstances(long caseId) {
    return jdbc.queryForList("select party_id, effect, basis from fa_case_circumstance where case_id = ? order by id",
        caseId);
  }

  public void addMeasure(long caseId, Long partyId, String measure, boolean mandatory, String basis, String state,
      String origin, String reason, String actor) {
    long id = insert("insert into fa_case_measure (case_id, party_id, measure, mandatory, basis, state, origin, "
        + "reason, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", caseId, partyId, measure, mandatory,
        basis, state, origin, reason, actor, Timestamp.valueOf(LocalDateTime.now()));
    if ("DECIDED".equals(state)) {
      rollups.measureDecided(id);
    }
  }

  public List<Measure> measures(long caseId, String state) {
    return jdbc.query("select * from fa_case_measure where case_id = ? and state = ? order by id",
        (rs, i) -> new Measure(rs.getLong("id"), rs.getLong("party_id"), rs.getString("measure"),
            rs.getBoolean("mandatory"), rs.getString("basis"), rs.getString("state"), rs.getString("origin"),
            rs.getString("reason"), rs.getString("decided_by")), caseId, state);
  }

  /**
   * Replaces all measures of a state (e.g. DECIDED after a review modifies the decision): the old rows become
   * REVOKED.
   */
  public void retireMeasures(long caseId, String state) {
    rollups.measuresRetiring(caseId, state);
    jdbc.update("update fa_case_measure set state = 'REVOKED' where case_id = ? and state = ?", caseId, state);
  }

  public record Measure(long id, long partyId, String measure, boolean mandatory, String basis, String state,
      String origin, String reason, String decidedBy) {}

  public void recordDecisionUsed(long caseId, String key, String definitionId, int version, String versionTag,
      String activityId) {
    jdbc.update("insert into fa_case_decision (case_id, decision_key, decision_definition_id, decision_version, "
        + "version_tag, activity_id, evaluated_at) values (?, ?, ?, ?, ?, ?, ?)", caseId, key, definitionId, version,
        versionTag, activityId, Timestamp.valueOf(LocalDateTime.now()));
  }

  public List<Map<String, Object>> decisionsUsed(long caseId) {
    return jdbc.queryForList("select decision_key, decision_definition_id, decision_version, version_tag, "
        + "activity_id, evaluated_at from fa_case_decision where case_id = ? order by id", caseId);
  }

  public void event(long caseId, String type, String actor, String detail) {
    jdbc.update("insert into fa_case_event (case_id, event_type, actor, occurred_at, detail) values (?, ?, ?, ?, ?)",
        caseId, type, actor, Timestamp.valueOf(LocalDateTime.now()), detail);
  }

  public List<Map<String, Object>> events(long caseId) {
    return jdbc.queryForList("select event_type, actor, occurred_at, detail from fa_case_event where case_id = ? "
        + "order by occurred_at, id", caseId);
  }

  // ---- mapping ----

  private CaseRow caseRow(ResultSet rs, int i) throws SQLException {
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    for (String column : List.of("not_filed_reason", "scenario", "fault_category", "severity", "large_impact",
        "crime_suspected", "compensation_paid", "disciplinary_matter", "facts", "evidence", "investigators",
        "decided_at", "served_on", "review_applied_on", "review_outcome", "review_reason", "created_at",
        "closed_at")) {
      Object value = rs.getObject(column);
      if (value instanceof Timestamp t) {
        value = t.toLocalDateTime();
      } else if (value instanceof Date d) {
        value = d.toLocalDate();
      }
      details.put(column, value);
    }
    return new CaseRow(rs.getLong("id"), rs.getString("business_key"), rs.getString("tenant_id"),
        rs.getString("process_instance_id"), rs.getString("source"), rs.getString("act_description"),
        rs.getString("unit_name"), localDate(rs, "fault_ended_on"), localDate(rs, "discovered_on"),
        rs.getString("complainant_contact"), rs.getString("stage"), rs.getString("status"), details);
  }

  private CaseParty partyRow(ResultSet rs, int i) throws SQLException {
    return new CaseParty(rs.getLong("id"), rs.getLong("case_id"), rs.getString("party_type"), rs.getString("name"),
        rs.getString("role"), rs.getString("unit_name"), (Boolean) rs.getObject("lead_unit"),
        rs.getString("liability"), rs.getString("liability_basis"), rs.getString("liability_source"),
        rs.getString("factors"), (Boolean) rs.getObject("exempt"));
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static Object jdbcValue(Object value) {
    if (value instanceof LocalDate d) {
      return Date.valueOf(d);
    }
    if (value instanceof LocalDateTime t) {
      return Timestamp.valueOf(t);
    }
    return value;
  }

}
