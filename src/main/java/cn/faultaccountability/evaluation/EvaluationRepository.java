package cn.faultaccountability.evaluation;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code fa_evaluation}: each unit's evaluation per year, kept across years. */
@Repository
public class EvaluationRepository {

  private static final Set<String> UPDATABLE = Set.of("process_instance_id", "status", "self_evaluation", "score",
      "evaluation_notes", "evaluated_by", "previous_grade", "grade", "consequence", "basis", "circulated_on",
      "commendation", "removal_recommendation", "rectification_notice", "rectification_due_on",
      "rectification_report", "rectified_on", "closed_at");

  private final JdbcTemplate jdbc;

  public EvaluationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String tenantId, int year, String unitName, String businessKey, String startedBy) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement("insert into fa_evaluation (tenant_id, eval_year, unit_name, "
          + "business_key, status, started_by, started_at) values (?, ?, ?, ?, 'OPEN', ?, ?)", new String[] {"id"});
      ps.setString(1, tenantId);
      ps.setInt(2, year);
      ps.setString(3, unitName);
      ps.setString(4, businessKey);
      ps.setString(5, startedBy);
      ps.setTimestamp(6, Timestamp.valueOf(LocalDateTime.now()));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public boolean exists(String tenantId, String unitName, int year) {
    Integer count = jdbc.queryForObject("select count(*) from fa_evaluation where tenant_id = ? and unit_name = ? "
        + "and eval_year = ?", Integer.class, tenantId, unitName, year);
    return count != null && count > 0;
  }

  public int countForYear(String tenantId, int year) {
    Integer count = jdbc.queryForObject("select count(*) from fa_evaluation where tenant_id = ? and eval_year = ?",
        Integer.class, tenantId, year);
    return count == null ? 0 : count;
  }

  /** The grade the unit got for {@code year} (null: not evaluated, or not graded yet). */
  public Optional<String> grade(String tenantId, String unitName, int year) {
    return jdbc.queryForList("select grade from fa_evaluation where tenant_id = ? and unit_name = ? and eval_year = ?",
        String.class, tenantId, unitName, year).stream().filter(g -> g != null).findFirst();
  }

  public Map<String, Object> get(long id) {
    return jdbc.queryForMap("select * from fa_evaluation where id = ?", id);
  }

  public List<Map<String, Object>> forYear(String tenantId, int year) {
    return jdbc.queryForList("select * from fa_evaluation where tenant_id = ? and eval_year = ? order by id",
        tenantId, year);
  }

  public void update(long id, String column, Object value) {
    if (!UPDATABLE.contains(column)) {
      throw new IllegalArgumentException("fa_evaluation." + column + " is not updatable");
    }
    Object jdbcValue = value instanceof LocalDate d ? Date.valueOf(d)
        : value instanceof LocalDateTime t ? Timestamp.valueOf(t) : value;
    jdbc.update("update fa_evaluation set " + column + " = ? where id = ?", jdbcValue, id);
  }
}
