package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's tables without the engine: created, checked and upgraded with the scripts of the engine jar (H2). */
class EngineSchemaTest {

  private static Connection h2(String name) throws Exception {
    return DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static boolean column(Connection connection, String table, String column) throws Exception {
    try (ResultSet rs = connection.getMetaData().getColumns(null, null, table, column)) {
      return rs.next();
    }
  }

  /** A database as Camunda 7.22 left it: without 7.23's columns, its schema log at 7.22. */
  static void downgradeTo722(Connection connection) throws Exception {
    try (Statement sql = connection.createStatement()) {
      sql.execute("alter table ACT_HI_COMMENT drop column REV_");
      sql.execute("alter table ACT_RU_EXECUTION drop column PROC_DEF_KEY_");
      sql.execute("update ACT_GE_SCHEMA_LOG set VERSION_ = '7.22.0'");
    }
  }

  @Test
  void anEmptyDatabaseIsMissingTheTablesUntilCreatedThenCurrent() throws Exception {
    try (Connection connection = h2("engine-schema-create")) {
      EngineSchema.Status empty = EngineSchema.status(connection);
      assertThat(empty.missing()).isTrue();
      assertThat(empty.missingTables()).contains("ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_ID_USER",
          "ACT_RE_DECISION_DEF", "ACT_HI_DECINST");
      assertThat(empty.current()).isFalse();

      List<String> run = EngineSchema.create(connection);
      assertThat(run).hasSize(7).first().asString().endsWith("activiti.h2.create.engine.sql");
      EngineSchema.Status created = EngineSchema.status(connection);
      assertThat(created.current()).as(created.describe()).isTrue();
      assertThat(created.schemaVersion()).isEqualTo(EngineSchema.engineVersion()).startsWith("7.24");
      // again: nothing to do
      assertThat(EngineSchema.create(connection)).isEmpty();
      assertThat(EngineSchema.upgrade(connection)).isEmpty();
    }
  }

  @Test
  void tablesOfAnEarlierCamundaAreOutdatedAndUpgradedByTheEnginesScripts() throws Exception {
    try (Connection connection = h2("engine-schema-upgrade")) {
      EngineSchema.create(connection);
      downgradeTo722(connection);
      EngineSchema.Status old = EngineSchema.status(connection);
      assertThat(old.outdated()).as(old.describe()).isTrue();
      assertThat(old.describe()).contains("7.22.0", "7.24.0");

      assertThat(EngineSchema.upgrade(connection)).containsExactly(
          "org/camunda/bpm/engine/db/upgrade/h2_engine_7.22_to_7.23.sql",
          "org/camunda/bpm/engine/db/upgrade/h2_engine_7.23_to_7.24.sql");
      assertThat(column(connection, "ACT_HI_COMMENT", "REV_")).isTrue();
      assertThat(column(connection, "ACT_RU_EXECUTION", "PROC_DEF_KEY_")).isTrue();
      assertThat(EngineSchema.status(connection).current()).isTrue();
    }
  }

  @Test
  void anUpgradeRunsThePatchScriptsOfEachMinorVersionOnTheWayThenTheMinorScript() {
    List<String> scripts = EngineSchema.upgradeScripts("postgres", EngineSchema.Version.of("7.12.10"),
        EngineSchema.Version.of("7.14.0")).stream().map(s -> s.substring(s.lastIndexOf('/') + 1)).toList();
    assertThat(scripts).containsExactly(
        "postgres_engine_7.12_patch_7.12.10_to_7.12.11.sql",
        "postgres_engine_7.12_patch_7.12.11_to_7.12.12.sql",
        "postgres_engine_7.12_to_7.13.sql",
        "postgres_engine_7.13_patch_7.13.4_to_7.13.5_1.sql",
        "postgres_engine_7.13_patch_7.13.4_to_7.13.5_2.sql",
        "postgres_engine_7.13_patch_7.13.5_to_7.13.6.sql",
        "postgres_engine_7.13_to_7.14.sql");
  }

  @Test
  void theSchemaCommandChecksCreatesAndUpgradesTheDatabaseOfItsEnvironment() throws Exception {
    Map<String, String> env = Map.of("DB_URL", "jdbc:h2:mem:engine-schema-command;DB_CLOSE_DELAY=-1",
        "DB_USER", "sa", "DB_PASSWORD", "");
    try (Connection keepAlive = h2("engine-schema-command")) {
      assertThat(command(env, "check")).startsWith("1").contains("schema create");
      assertThat(command(env, "upgrade")).startsWith("1").contains("schema create");
      assertThat(command(env, "create")).startsWith("0").contains("activiti.h2.create.engine.sql", "已就绪");
      assertThat(command(env, "check")).startsWith("0");
      downgradeTo722(keepAlive);
      assertThat(command(env, "check")).startsWith("1").contains("schema upgrade");
      assertThat(command(env, "upgrade")).startsWith("0").contains("h2_engine_7.22_to_7.23.sql");
      assertThat(command(env, "check")).startsWith("0");
      assertThat(command(env, "drop")).startsWith("2").contains("用法");
    }
  }

  /** Exit code, then what the command printed. */
  private static String command(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = new EngineSchemaCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(out, true, StandardCharsets.UTF_8), env).execute(args);
    return exit + " " + out.toString(StandardCharsets.UTF_8);
  }
}
