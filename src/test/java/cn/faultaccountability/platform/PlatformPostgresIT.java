package cn.faultaccountability.platform;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform on real PostgreSQL. */
class PlatformPostgresIT extends AbstractPlatformTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
