package cn.faultaccountability.dashboard;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dashboard's figures on PostgreSQL: the same queries (medians, months, day arithmetic) on the real database. */
class DashboardStatsPostgresIT extends AbstractDashboardStatsTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
