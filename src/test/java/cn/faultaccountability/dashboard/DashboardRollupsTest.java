package cn.faultaccountability.dashboard;

/** The dashboard's roll-ups against the rows they count, on the embedded H2 database. */
class DashboardRollupsTest extends AbstractDashboardRollupsTest {}
