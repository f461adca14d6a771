package cn.faultaccountability.cases;

import cn.faultaccountability.cases.CaseRepository.CaseRow;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
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
    return cases.findByBusinessKey(businessKey).filter(c -> tenants().contains(c.tenantId()))
        .orElseThrow(() -> new ApiErrors.CaseNotFound(businessKey));
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
