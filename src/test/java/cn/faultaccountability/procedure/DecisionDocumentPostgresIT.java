package cn.faultaccountability.procedure;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The decision documents stored and read back on real PostgreSQL (bytea). */
class DecisionDocumentPostgresIT extends DecisionDocumentTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
