package cn.faultaccountability.dashboard;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard's roll-ups against the rows they count on PostgreSQL, where concurrent transactions that insert the
 * same new roll-up row really collide (one waits for the other's commit, then fails on the key and adds to its row).
 */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class DashboardRollupsPostgresIT extends AbstractDashboardRollupsTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    // a database of its own: the figures count every case of the database
    PostgresTestDatabase.registerOwn(registry, "rollups");
  }
}
