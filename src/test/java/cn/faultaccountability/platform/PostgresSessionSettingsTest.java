package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresSessionSettingsTest {

  private static HikariDataSource pool(String url) {
    HikariDataSource hikari = new HikariDataSource();
    hikari.setJdbcUrl(url);
    return hikari;
  }

  @Test
  void postgresConnectionsGetThePlannerSettings() {
    HikariDataSource hikari = pool("jdbc:postgresql://db:5432/accountability");
    new PostgresSessionSettings().postProcessBeforeInitialization(hikari, "dataSource");
    assertThat(hikari.getDataSourceProperties().getProperty("options"))
        .contains("plan_cache_mode=force_custom_plan", "random_page_cost=0.11", "jit=off");
  }

  @Test
  void h2IsLeftAlone() {
    HikariDataSource hikari = pool("jdbc:h2:mem:x");
    new PostgresSessionSettings().postProcessBeforeInitialization(hikari, "dataSource");
    assertThat(hikari.getDataSourceProperties()).doesNotContainKey("options");
  }

  @Test
  void optionsChosenInTheUrlAreKept() {
    HikariDataSource hikari = pool("jdbc:postgresql://db:5432/accountability?options=-c%20jit%3Don");
    new PostgresSessionSettings().postProcessBeforeInitialization(hikari, "dataSource");
    assertThat(hikari.getDataSourceProperties()).doesNotContainKey("options");
  }
}
