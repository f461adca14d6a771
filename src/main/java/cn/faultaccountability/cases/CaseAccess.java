package cn.faultaccountability.cases;

import cn.faultaccountability.cases.CaseRepository.CaseRow;
import java.util.List;
import java.util.function.Supplier;
import cn.faultaccountability.platform.StaffRole;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Our API sees a case only in the caller's own jurisdictions (their tenant memberships, as the engine knows them).
 * Reading a visible case's engine state (its tasks, its history) is then done without the caller's task-level rights.
 */
@Component
public class CaseAccess {

  private final CaseRepository cases;
  private final IdentityService identityService;

  public CaseAccess(CaseRepository cases, IdentityService identityService) {
    this.cases = cases;
    this.identityService = identityService;
  }

  public CaseRow visibleCase(String businessKey) {
    return cases.findByBusinessKey(businessKey).filter(c -> tenants().contains(c.tenantId()) && handlesCases(c.tenantId()))
        .orElseThrow(() -> new ApiErrors.CaseNotFound(businessKey));
  }

  /**
   * A decision administrator revises tables and handles no case (docs/security.md): membership of a tenant through that
   * group alone does not show the tenant's cases. Administrators and every other role of the tenant see them.
   */
  private boolean handlesCases(String tenantId) {
    Authentication current = identityService.getCurrentAuthentication();
    List<String> groups = current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
    String decisionAdmin = tenantId + "-" + StaffRole.DECISION_ADMIN.code();
    return groups.contains(Groups.CAMUNDA_ADMIN)
        || groups.stream().anyMatch(g -> g.startsWith(tenantId + "-") && !g.equals(decisionAdmin));
  }

  public List<String> tenants() {
    Authentication current = identityService.getCurrentAuthentication();
    return current == null || current.getTenantIds() == null ? List.of() : current.getTenantIds();
  }

  public String userId() {
    Authentication current = identityService.getCurrentAuthentication();
    return current == null ? Actors.SYSTEM : current.getUserId();
  }

  /** Runs engine calls for an already-authorised case without the caller's engine authorization checks. */
  public <T> T asSystem(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
