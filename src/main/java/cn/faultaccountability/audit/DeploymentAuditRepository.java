package cn.faultaccountability.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code fa_decision_deployment}: one row per decision-table version the engine deployed, with who and when. Shares
 * the engine's data source and Spring transaction, so a row commits or rolls back with its deployment.
 */
@Repository
public class DeploymentAuditRepository {

  private final JdbcTemplate jdbc;

  public DeploymentAuditRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A deployed decision-table version, as recorded. */
  public record DeployedDecision(String deploymentId, String deploymentName, String deploymentSource, String tenantId,
      String key, String definitionId, int version, String versionTag, String resourceName, String sha256,
      Integer sameContentAsVersion, String deployedBy, Date deployedAt) {}

  /** The latest earlier version of the table (same tenant and key) whose resource had exactly this content. */
  public Integer earlierVersionWithContent(String tenantId, String key, String sha256, int version) {
    return jdbc.queryForObject("select max(decision_version) from fa_decision_deployment where "
        + "coalesce(tenant_id, '') = ? and decision_key = ? and resource_sha256 = ? and decision_version < ?",
        Integer.class, tenantId == null ? "" : tenantId, key, sha256, version);
  }

  public void record(DeployedDecision d) {
    jdbc.update("insert into fa_decision_deployment (deployment_id, deployment_name, deployment_source, tenant_id, "
        + "decision_key, decision_definition_id, decision_version, version_tag, resource_name, resource_sha256, "
        + "same_content_as_version, deployed_by, deployed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        d.deploymentId(), d.deploymentName(), d.deploymentSource(), d.tenantId(), d.key(), d.definitionId(),
        d.version(), d.versionTag(), d.resourceName(), d.sha256(), d.sameContentAsVersion(), d.deployedBy(),
        new Timestamp(d.deployedAt().getTime()));
  }

  /** The recorded deployment of each of these decision definitions (those deployed before the audit have none). */
  public Map<String, DeployedDecision> byDefinitionId(Collection<String> definitionIds) {
    Map<String, DeployedDecision> found = new LinkedHashMap<>();
    if (definitionIds.isEmpty()) {
      return found;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(definitionIds.size(), "?"));
    for (DeployedDecision d : jdbc.query("select * from fa_decision_deployment where decision_definition_id in ("
        + marks + ")", this::row, definitionIds.toArray())) {
      found.put(d.definitionId(), d);
    }
    return found;
  }

  /**
   * The newest recorded versions first: of these tenants, and of no tenant when {@code shared}; only table
   * {@code key} when given.
   */
  public List<DeployedDecision> deployments(Collection<String> tenants, boolean shared, String key, int limit) {
    List<Object> args = new ArrayList<>();
    List<String> scope = new ArrayList<>();
    if (!tenants.isEmpty()) {
      scope.add("tenant_id in (" + String.join(", ", java.util.Collections.nCopies(tenants.size(), "?")) + ")");
      args.addAll(tenants);
    }
    if (shared) {
      scope.add("tenant_id is null");
    }
    if (scope.isEmpty()) {
      return List.of();
    }
    String sql = "select * from fa_decision_deployment where (" + String.join(" or ", scope) + ")"
        + (key == null ? "" : " and decision_key = ?") + " order by deployed_at desc, id desc";
    if (key != null) {
      args.add(key);
    }
    List<DeployedDecision> rows = new ArrayList<>();
    jdbc.query(connection -> {
      var statement = connection.prepareStatement(sql);
      statement.setMaxRows(limit);
      for (int i = 0; i < args.size(); i++) {
        statement.setObject(i + 1, args.get(i));
      }
      return statement;
    }, rs -> {
      rows.add(row(rs, rows.size()));
    });
    return rows;
  }

  private DeployedDecision row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new DeployedDecision(rs.getString("deployment_id"), rs.getString("deployment_name"),
        rs.getString("deployment_source"), rs.getString("tenant_id"), rs.getString("decision_key"),
        rs.getString("decision_definition_id"), rs.getInt("decision_version"), rs.getString("version_tag"),
        rs.getString("resource_name"), rs.getString("resource_sha256"),
        (Integer) rs.getObject("same_content_as_version", Integer.class), rs.getString("deployed_by"),
        new Date(rs.getTimestamp("deployed_at").getTime()));
  }
}
