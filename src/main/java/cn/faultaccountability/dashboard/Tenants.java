package cn.faultaccountability.dashboard;

import cn.faultaccountability.platform.Jurisdiction;

/** Chinese names of tenants (jurisdictions) for the dashboard. */
final class Tenants {

  private Tenants() {}

  static String name(String tenantId) {
    return Jurisdiction.byTenantId(tenantId).map(Jurisdiction::chineseName).orElse(tenantId);
  }
}
