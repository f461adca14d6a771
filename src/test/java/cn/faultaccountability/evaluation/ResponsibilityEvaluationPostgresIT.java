package cn.faultaccountability.evaluation;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The annual evaluation on real PostgreSQL: the unit history table, the once-a-year rule, refused input. */
class ResponsibilityEvaluationPostgresIT extends ResponsibilityEvaluationProcessTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
