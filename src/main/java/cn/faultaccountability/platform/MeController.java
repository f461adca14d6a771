package cn.faultaccountability.platform;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is for our API: user, groups and the tenants (jurisdictions) whose cases they may see. */
@RestController
public class MeController {

  private final IdentityService identityService;

  public MeController(IdentityService identityService) {
    this.identityService = identityService;
  }

  @GetMapping("/api/me")
  public Me me() {
    Authentication current = identityService.getCurrentAuthentication();
    return new Me(current.getUserId(), current.getGroupIds(), current.getTenantIds(),
        current.getGroupIds().contains(Groups.CAMUNDA_ADMIN));
  }

  public record Me(String userId, List<String> groups, List<String> tenants, boolean administrator) {}
}
