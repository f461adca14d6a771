package cn.faultaccountability.notification;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The e-mail addresses of a group's members, as kept in the engine's identity service (Camunda Admin). */
@Component
public class StaffAddresses {

  private final IdentityService identityService;

  public StaffAddresses(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Read without the caller's authorizations: the one who triggers a reminder need not see other users. */
  public List<String> emails(String groupId) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
          .map(User::getEmail).filter(e -> e != null && !e.isBlank()).distinct().toList();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
