package cn.faultaccountability.dashboard;

import org.springframework.test.context.TestPropertySource;

/** The dashboard's figures on H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dashboard-stats;DB_CLOSE_DELAY=-1")
class DashboardStatsTest extends AbstractDashboardStatsTest {}
