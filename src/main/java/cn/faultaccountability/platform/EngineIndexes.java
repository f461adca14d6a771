package cn.faultaccountability.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes on the engine's own tables that its stock schema lacks (docs/performance.md says which query each one
 * serves and what it measured). Our tables are Flyway's; the engine's tables only exist once the engine has created
 * its schema, so these run after the engine is built, from {@code db/engine-indexes/<database type>.sql}: each
 * statement is idempotent ({@code create index if not exists}), so every start re-applies the file harmlessly.
 */
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String resource = "db/engine-indexes/" + configuration.getDatabaseType() + ".sql";
    List<String> statements = statements(resource);
    if (statements.isEmpty()) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement sql = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String statement : statements) {
        sql.execute(statement);
      }
      LOG.info("引擎表索引已就绪 / engine table indexes in place: {} statements from {}", statements.size(), resource);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the engine table indexes of " + resource + ": "
          + e.getMessage(), e);
    }
  }

  /** The file's statements, separated by ';' at a line end; '--' comment lines are left out. */
  static List<String> statements(String resource) {
    try (InputStream in = EngineIndexes.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String withoutComments = Arrays.stream(text.split("\n"))
          .filter(line -> !line.strip().startsWith("--"))
          .reduce("", (a, b) -> a + b + "\n");
      return Arrays.stream(withoutComments.split(";\\s*\n"))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
