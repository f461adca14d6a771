package cn.faultaccountability.platform;

import java.sql.Connection;
import java.sql.SQLException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * With the engine's schema updates off (production), the engine would start on missing tables and fail at its first
 * query, and on tables of an older Camunda version fail anywhere later. Before the engine touches its tables (after
 * its configuration, ahead of its schema check), this stops the start with a message that names the command to run
 * ({@link EngineSchemaCommand}); reported by {@link EngineSchemaFailureAnalyzer}.
 */
public class EngineSchemaCheck extends AbstractProcessEnginePlugin {

  static final String COMMAND = "java -jar fault-accountability.jar schema ";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"false".equalsIgnoreCase(configuration.getDatabaseSchemaUpdate())) {
      return; // the engine creates what is missing itself (embedded default)
    }
    EngineSchema.Status status;
    try (Connection connection = configuration.getDataSource().getConnection()) {
      status = EngineSchema.status(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("无法检查引擎数据库表 / could not check the engine tables: " + e.getMessage(), e);
    }
    if (status.missing()) {
      throw new EngineSchemaException("引擎数据库表不存在，系统未启动 / the engine's tables are missing, the system did not "
          + "start (" + String.join(", ", status.missingTables()) + ")。\n首次安装请先运行 / on a first installation run: "
          + COMMAND + "create", COMMAND + "create");
    }
    if (status.outdated()) {
      throw new EngineSchemaException("引擎数据库表版本 " + status.schemaVersion() + " 低于本程序的引擎版本 "
          + status.engineVersion() + "，系统未启动 / the engine's tables are of an earlier Camunda version than this "
          + "application's, the system did not start。\n升级后请先运行 / after an upgrade run: " + COMMAND + "upgrade",
          COMMAND + "upgrade");
    }
    if (status.newer()) {
      throw new EngineSchemaException("引擎数据库表版本 " + status.schemaVersion() + " 高于本程序的引擎版本 "
          + status.engineVersion() + "，系统未启动 / the engine's tables are of a later Camunda version than this "
          + "application's, the system did not start。\n请使用与数据库相符的程序版本 / use the application version that "
          + "matches the database", null);
    }
  }

  /** The engine's tables do not fit this application; {@link #command()} is what fixes it, if anything does. */
  public static class EngineSchemaException extends IllegalStateException {
    private final String command;

    public EngineSchemaException(String message, String command) {
      super(message);
      this.command = command;
    }

    public String command() {
      return command;
    }
  }
}
