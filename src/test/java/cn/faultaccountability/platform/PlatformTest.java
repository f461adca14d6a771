package cn.faultaccountability.platform;

import org.springframework.test.context.TestPropertySource;

/** The platform on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:platform-test;DB_CLOSE_DELAY=-1")
class PlatformTest extends AbstractPlatformTest {}
