package cn.faultaccountability.dashboard;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dashboard's figures on PostgreSQL: the same queries (medians, months, day arithmetic) on the real database. */
class DashboardStatsPostgresIT extends AbstractDashboardStatsTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    // a database of its own: the figures count every case, and other tests leave theirs in the shared one
    PostgresTestDatabase.registerOwn(registry, "dashboard");
  }
}
