package cn.faultaccountability.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Which of the user's groups hold any authorization, by looking up each group instead of reading every group of the
 * authorization table.
 *
 * <p>Before every authorization check (each task query, each count, each engine call our API makes for a user) the
 * engine narrows the user's groups to those that appear in {@code ACT_RU_AUTHORIZATION}, and it finds those by
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} — a pass over the whole table, which holds one or more
 * rows per open task (the engine grants each candidate group its task). With 100,000 cases (50,000 open tasks) that
 * is about 50,000 rows, 11.6 ms, on every request. Here the same set is found with one index lookup per group of the
 * user ({@code ACT_IDX_AUTH_GROUP_ID}, at most one row each): the user's groups that have at least one authorization.
 * The result is by definition the same set (issue 9, docs/performance.md); {@code AuthorizedGroupProbeTest} compares
 * it with the engine's own on grants, revocations and groups without any authorization.
 */
@Component
public class AuthorizedGroupProbe extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    String sql = "select GROUP_ID_ from " + configuration.getDatabaseTablePrefix()
        + "ACT_RU_AUTHORIZATION where GROUP_ID_ = ? fetch first 1 rows only";
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class; // replaces the engine's factory of the same type
      }

      @Override
      public Session openSession() {
        return new ProbingAuthorizationManager(sql);
      }
    });
  }

  /** The engine's authorization manager, except for how it finds the authenticated groups that hold authorizations. */
  static class ProbingAuthorizationManager extends AuthorizationManager {

    private final String sql;
    /** Per command, as the engine caches its table-wide set per command. */
    private final Map<String, Boolean> authorized = new HashMap<>();

    ProbingAuthorizationManager(String sql) {
      this.sql = sql;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return List.of();
      }
      List<String> result = new ArrayList<>();
      for (String group : new LinkedHashSet<>(authenticatedGroupIds)) {
        if (group != null && authorized.computeIfAbsent(group, this::hasAuthorization)) {
          result.add(group);
        }
      }
      return result;
    }

    private boolean hasAuthorization(String group) {
      // the command's own connection and transaction, as the engine's statement would use
      Connection connection = getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setString(1, group);
        try (ResultSet rs = select.executeQuery()) {
          return rs.next();
        }
      } catch (SQLException e) {
        throw new ProcessEngineException("could not read the authorizations of group " + group, e);
      }
    }
  }
}
