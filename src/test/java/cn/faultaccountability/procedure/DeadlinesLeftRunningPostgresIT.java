package cn.faultaccountability.procedure;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on real PostgreSQL, in a database of its own: V5_8 looks at every deadline of the database. */
class DeadlinesLeftRunningPostgresIT extends DeadlinesLeftRunningTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.registerOwn(registry, "left_running");
  }
}
