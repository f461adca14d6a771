package cn.faultaccountability.platform;

import java.util.Arrays;
import java.util.Optional;

/** The four jurisdictions in scope (SPEC §1); each is a Camunda tenant. */
public enum Jurisdiction {
  JILIN("jilin", "吉林市"),
  MINGSHAN("mingshan", "明山区"),
  CHANGZHOU("changzhou", "常州市"),
  JINAN("jinan", "济南市");

  private final String tenantId;
  private final String chineseName;

  Jurisdiction(String tenantId, String chineseName) {
    this.tenantId = tenantId;
    this.chineseName = chineseName;
  }

  public String tenantId() {
    return tenantId;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<Jurisdiction> byTenantId(String tenantId) {
    return Arrays.stream(values()).filter(j -> j.tenantId.equals(tenantId)).findFirst();
  }
}
