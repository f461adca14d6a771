package cn.faultaccountability.platform;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, on every start and idempotently, the tenants, one group per role and tenant, and each group's
 * authorizations exactly as {@link StaffRole} lists them (the code is the source; a manual change to one of these
 * rows is put back on the next start). Users: the demo staff in the embedded default, else one administrator.
 */
public class IdentitySetup {

  static final String DEMO_PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private final AccountabilityProperties properties;

  public IdentitySetup(AccountabilityProperties properties) {
    this.properties = properties;
  }

  /**
   * All of it in one engine command, hence one transaction: a start that fails half-way leaves nothing half-made. (The
   * first start commits once instead of several hundred times; on the test machine that made no measurable difference
   * to start-up, docs/performance.md.)
   */
  public void apply(ProcessEngine engine) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          applyInCommand(engine);
          return null;
        });
  }

  private void applyInCommand(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Jurisdiction jurisdiction : Jurisdiction.values()) {
      ensureTenant(identity, jurisdiction);
      for (StaffRole role : StaffRole.values()) {
        String groupId = role.groupId(jurisdiction);
        ensureGroup(identity, groupId, jurisdiction.chineseName() + role.chineseName());
        if (identity.createTenantQuery().groupMember(groupId).tenantId(jurisdiction.tenantId()).count() == 0) {
          identity.createTenantGroupMembership(jurisdiction.tenantId(), groupId);
        }
        for (StaffRole.Grant grant : role.grants()) {
          ensureGrant(authorizations, groupId, grant.resource(), grant.resourceId(), grant.permissions());
        }
      }
    }
    ensureGroup(identity, Groups.CAMUNDA_ADMIN, "系统管理员");
    ensureAdminGroupHoldsEverything(authorizations);
    if (properties.demoUsers()) {
      createDemoUsers(identity);
    } else {
      ensureAdministrator(identity, properties.adminUser(), properties.adminPassword());
    }
  }

  private void createDemoUsers(IdentityService identity) {
    for (Jurisdiction jurisdiction : Jurisdiction.values()) {
      for (StaffRole role : StaffRole.values()) {
        String groupId = role.groupId(jurisdiction);
        ensureUser(identity, groupId, jurisdiction.chineseName(), role.chineseName(), DEMO_PASSWORD);
        ensureMembership(identity, groupId, groupId);
      }
      // Jinan 18 and Changzhou 30: at least two investigators take part in an investigation.
      String secondInvestigator = StaffRole.INVESTIGATOR.groupId(jurisdiction) + "-2";
      ensureUser(identity, secondInvestigator, jurisdiction.chineseName(), "调查人员（二）", DEMO_PASSWORD);
      ensureMembership(identity, secondInvestigator, StaffRole.INVESTIGATOR.groupId(jurisdiction));
    }
    ensureAdministrator(identity, "demo", DEMO_PASSWORD);
    LOG.info("演示账号已就绪：demo/demo（管理员，全部辖区），各辖区各角色 <辖区>-<角色>/demo，例如 jinan-intake-clerk/demo");
  }

  /** The administrator: member of camunda-admin and of every tenant. */
  private void ensureAdministrator(IdentityService identity, String userId, String password) {
    ensureUser(identity, userId, "系统", "管理员", password);
    ensureMembership(identity, userId, Groups.CAMUNDA_ADMIN);
    for (Jurisdiction jurisdiction : Jurisdiction.values()) {
      if (identity.createTenantQuery().userMember(userId).tenantId(jurisdiction.tenantId()).count() == 0) {
        identity.createTenantUserMembership(jurisdiction.tenantId(), userId);
      }
    }
  }

  private static void ensureTenant(IdentityService identity, Jurisdiction jurisdiction) {
    if (identity.createTenantQuery().tenantId(jurisdiction.tenantId()).count() == 0) {
      Tenant tenant = identity.newTenant(jurisdiction.tenantId());
      tenant.setName(jurisdiction.chineseName());
      identity.saveTenant(tenant);
    }
  }

  private static void ensureGroup(IdentityService identity, String groupId, String name) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    }
  }

  private static void ensureUser(IdentityService identity, String userId, String first, String last, String password) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(first);
      user.setLastName(last);
      user.setPassword(password);
      identity.saveUser(user);
    }
  }

  private static void ensureMembership(IdentityService identity, String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  /** Makes the group's authorization on the resource hold exactly these permissions. */
  private static void ensureGrant(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, List<Permission> permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    int wanted = permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (authorization instanceof AuthorizationEntity held && held.getAuthorizationType()
        == Authorization.AUTH_TYPE_GRANT && held.getPermissions() == wanted) {
      // already exactly as listed: a restart writes nothing (docs/performance.md)
      return;
    }
    authorization.setPermissions(permissions.toArray(Permission[]::new));
    authorizations.saveAuthorization(authorization);
  }

  /** camunda-admin: ALL on every resource, as Camunda's own admin setup grants it. */
  private static void ensureAdminGroupHoldsEverything(AuthorizationService authorizations) {
    for (Resources resource : Resources.values()) {
      if (authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN).resourceType(resource)
          .resourceId("*").count() == 0) {
        Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Groups.CAMUNDA_ADMIN);
        all.setResource(resource);
        all.setResourceId("*");
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
  }
}
