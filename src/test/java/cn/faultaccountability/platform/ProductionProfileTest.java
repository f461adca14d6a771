package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.FaultAccountabilityApplication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile: no demo identities, no default passwords, refuses to start with a setting missing. */
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

  @Test
  void startsWithOnlyTheConfiguredAdministratorAndNoDemoUsers() {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FaultAccountabilityApplication.class)
        .profiles("prod")
        .properties("DB_URL=jdbc:h2:mem:prod-complete;DB_CLOSE_DELAY=-1", "DB_USER=sa", "DB_PASSWORD=db-secret",
            "ADMIN_USER=chief", "ADMIN_PASSWORD=s3cret-Admin", ENGINE_NAME)
        .run("--server.port=0")) {
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
