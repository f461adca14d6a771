package cn.faultaccountability.procedure;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same procedure scenarios on real PostgreSQL. */
class FaultAccountabilityProcessPostgresIT extends FaultAccountabilityProcessTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
