package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.FaultAccountabilityApplication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile: no demo identities, no default passwords, refuses to start with a setting missing, and the
 * engine's tables are made by {@code schema create|upgrade}, not by the engine: missing or outdated, the start stops
 * naming the command.
 */
class ProductionProfileTest {

  /** Not "default": that name is the other tests' engine in this JVM, and engines are registered by name. */
  private static final String ENGINE_NAME = "camunda.bpm.process-engine-name=production-profile-test";

  @Test
  void refusesToStartWithoutDatabaseCredentialsAndAdministratorPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(FaultAccountabilityApplication.class)
            .profiles("prod").properties("DB_URL=jdbc:h2:mem:prod-missing", ENGINE_NAME).run("--server.port=0"))
        .isInstanceOf(ProductionSettingsCheck.MissingProductionSettingException.class)
        .hasMessageContaining("DB_USER")
        .hasMessageContaining("DB_PASSWORD")
        .hasMessageContaining("ADMIN_PASSWORD")
        .hasMessageNotContaining("DB_URL：");
  }

  private static ConfigurableApplicationContext startProd(String database) {
    return new SpringApplicationBuilder(FaultAccountabilityApplication.class).profiles("prod")
        .properties("DB_URL=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "DB_USER=sa", "DB_PASSWORD=db-secret",
            "ADMIN_USER=chief", "ADMIN_PASSWORD=s3cret-Admin", ENGINE_NAME)
        .run("--server.port=0", "--management.server.port=0");
  }

  private static java.sql.Connection h2(String database) throws Exception {
    return java.sql.DriverManager.getConnection("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", "db-secret");
  }

  @Test
  void refusesToStartOnMissingOrOutdatedEngineTablesNamingTheSchemaCommand() throws Exception {
    try (java.sql.Connection database = h2("prod-no-engine-tables")) {
      assertThatThrownBy(() -> startProd("prod-no-engine-tables"))
          .hasRootCauseInstanceOf(EngineSchemaCheck.EngineSchemaException.class)
          .rootCause().hasMessageContaining("引擎数据库表不存在").hasMessageContaining("schema create");
      // the engine made no table of its own: schema updates are off
      assertThat(EngineSchema.status(database).missingTables()).contains("ACT_RU_EXECUTION", "ACT_ID_USER");

      EngineSchema.create(database);
      EngineSchemaTest.downgradeTo722(database);
      assertThatThrownBy(() -> startProd("prod-no-engine-tables"))
          .rootCause().isInstanceOf(EngineSchemaCheck.EngineSchemaException.class)
          .hasMessageContaining("7.22.0").hasMessageContaining("schema upgrade");
      EngineSchema.upgrade(database);
      try (ConfigurableApplicationContext context = startProd("prod-no-engine-tables")) {
        assertThat(context.getBean(IdentityService.class).checkPassword("chief", "s3cret-Admin")).isTrue();
      }
    }
  }

  @Test
  void theFailureReportNamesTheCommand() {
    var analysis = new EngineSchemaFailureAnalyzer().analyze(new IllegalStateException("x",
        new EngineSchemaCheck.EngineSchemaException("引擎数据库表不存在", "java -jar fault-accountability.jar schema create")));
    assertThat(analysis.getDescription()).contains("引擎数据库表不存在");
    assertThat(analysis.getAction()).contains("java -jar fault-accountability.jar schema create", "DB_URL");
  }

  @Test
  void startsWithOnlyTheConfiguredAdministratorAndNoDemoUsers() throws Exception {
    try (java.sql.Connection database = h2("prod-complete")) {
      EngineSchema.create(database);
    }
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FaultAccountabilityApplication.class)
        .profiles("prod")
        .properties("DB_URL=jdbc:h2:mem:prod-complete;DB_CLOSE_DELAY=-1", "DB_USER=sa", "DB_PASSWORD=db-secret",
            "ADMIN_USER=chief", "ADMIN_PASSWORD=s3cret-Admin", ENGINE_NAME)
        .run("--server.port=0", "--management.server.port=0")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("chief");
      assertThat(identity.checkPassword("chief", "s3cret-Admin")).isTrue();
      assertThat(identity.createGroupQuery().groupMember("chief").groupId(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
      assertThat(identity.createTenantQuery().userMember("chief").count()).isEqualTo(4);
      // groups and their authorizations exist in production too: staff are added to them by the administrator
      assertThat(identity.createGroupQuery().groupId("jinan-intake-clerk").count()).isEqualTo(1);
    }
  }
}
