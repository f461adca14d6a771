package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.testsupport.EngineRest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the platform promises (issue: platform): identities, authorizations, REST authentication, tenant isolation. */
// job executor off: this context stays cached for the whole run on the shared test database, where it would fire the
// timers that other test classes fire themselves
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
abstract class AbstractPlatformTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @LocalServerPort int port;
  EngineRest rest;

  @BeforeEach
  void client() {
    rest = new EngineRest(port);
  }

  @Test
  void theFourJurisdictionsAreTenantsWithTheirChineseNames() {
    assertThat(identityService.createTenantQuery().list())
        .extracting(Tenant::getId, Tenant::getName)
        .contains(
            org.assertj.core.groups.Tuple.tuple("jilin", "吉林市"),
            org.assertj.core.groups.Tuple.tuple("mingshan", "明山区"),
            org.assertj.core.groups.Tuple.tuple("changzhou", "常州市"),
            org.assertj.core.groups.Tuple.tuple("jinan", "济南市"));
  }

  @Test
  void everyRoleHasAGroupInEveryTenantWithADemoUserWhoBelongsOnlyToThatTenant() {
    for (Jurisdiction jurisdiction : Jurisdiction.values()) {
      for (StaffRole role : StaffRole.values()) {
        String groupId = role.groupId(jurisdiction);
        assertThat(identityService.createGroupQuery().groupId(groupId).singleResult().getName())
            .isEqualTo(jurisdiction.chineseName() + role.chineseName());
        assertThat(identityService.createTenantQuery().groupMember(groupId).list())
            .extracting(Tenant::getId).containsExactly(jurisdiction.tenantId());
        assertThat(identityService.createUserQuery().memberOfGroup(groupId).list()).isNotEmpty();
        assertThat(identityService.checkPassword(groupId, "demo")).as(groupId).isTrue();
        assertThat(identityService.createTenantQuery().userMember(groupId).includingGroupsOfUser(true).list())
            .extracting(Tenant::getId).containsExactly(jurisdiction.tenantId());
      }
      assertThat(identityService.createUserQuery()
          .memberOfGroup(StaffRole.INVESTIGATOR.groupId(jurisdiction)).count()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void demoIsAnAdministratorInEveryTenant() {
    assertThat(identityService.checkPassword("demo", "demo")).isTrue();
    assertThat(identityService.createGroupQuery().groupMember("demo").groupId(Groups.CAMUNDA_ADMIN).count())
        .isEqualTo(1);
    assertThat(identityService.createTenantQuery().userMember("demo").list()).hasSize(4);
  }

  @Test
  void eachGroupHoldsExactlyTheGrantsItsRoleLists() {
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
    assertThat(engine.getProcessEngineConfiguration().isTenantCheckEnabled()).isTrue();
    for (Jurisdiction jurisdiction : Jurisdiction.values()) {
      for (StaffRole role : StaffRole.values()) {
        String groupId = role.groupId(jurisdiction);
        Set<String> expected = role.grants().stream()
            .map(g -> describe(g.resource().resourceType(), g.resourceId(), g.permissions()))
            .collect(Collectors.toSet());
        Set<String> actual = new HashSet<>();
        for (Authorization a : authorizationService.createAuthorizationQuery().groupIdIn(groupId).list()) {
          if (a.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
            continue;
          }
          if (isEngineDefault(a, groupId, jurisdiction.tenantId())) {
            continue;
          }
          List<Permission> held = Arrays.stream(a.getPermissions(
                  ResourceTypeUtil.getPermissionsByResourceType(a.getResourceType())))
              .filter(p -> p.getValue() != 0).toList();
          actual.add(describe(a.getResourceType(), a.getResourceId(), held));
        }
        assertThat(actual).as(groupId).isEqualTo(expected);
      }
    }
  }

  @Test
  void historyHasADefaultRetentionAndANightlyCleanup() {
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getHistoryTimeToLive()).isEqualTo("P3650D");
    assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
  }

  @Test
  void engineRestRefusesAnonymousAndWrongPasswords() {
    assertThat(rest.get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    assertThat(rest.get("/engine-rest/task", "demo").statusCode()).isEqualTo(200);
    // a throwaway user: a failed login makes the engine delay that user's next logins
    var user = identityService.newUser("wrong-password-probe");
    user.setPassword("right");
    identityService.saveUser(user);
    try {
      String wrong = Base64.getEncoder().encodeToString("wrong-password-probe:wrong".getBytes(StandardCharsets.UTF_8));
      assertThat(rest.send(rest.request("/engine-rest/task", null)
          .header("Authorization", "Basic " + wrong).GET().build()).statusCode()).isEqualTo(401);
    } finally {
      identityService.deleteUser("wrong-password-probe");
    }
  }

  @Test
  void aJobThatIsGoneIsNotFoundNotAServerError() {
    // e.g. a due date set again after the first answer was lost, the timer having run in between (two-node test)
    var response = rest.send(rest.request("/engine-rest/job/no-such-job/duedate", "demo")
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"duedate\": null, \"cascade\": false}")).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    assertThat(response.body()).contains("已不存在");
  }

  @Test
  void ourApiRefusesAnonymous() {
    var response = rest.get("/api/me", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("unauthorized");
  }

  @Test
  void aUserOfOneTenantCannotReadAnotherTenantsDeploymentsOrDecisions() {
    Deployment probe = engine.getRepositoryService().createDeployment()
        .name("isolation-probe").tenantId("jilin")
        .addClasspathResource("fixtures/isolation-probe.dmn").deploy();
    try {
      String jilinManager = StaffRole.MANAGER.groupId(Jurisdiction.JILIN);
      String jinanManager = StaffRole.MANAGER.groupId(Jurisdiction.JINAN);
      String path = "/engine-rest/decision-definition?key=isolation-probe";
      assertThat(rest.get(path, jilinManager).body()).contains("\"tenantId\":\"jilin\"");
      assertThat(rest.get(path, jinanManager).body()).isEqualTo("[]");
      assertThat(rest.get("/engine-rest/deployment?name=isolation-probe", jinanManager).body()).isEqualTo("[]");
      // by id: the engine refuses (ENGINE-13034 "belongs to no authenticated tenant"), nothing of it is returned
      for (String byId : List.of("/engine-rest/deployment/" + probe.getId(),
          "/engine-rest/deployment/" + probe.getId() + "/resources")) {
        var refused = rest.get(byId, jinanManager);
        assertThat(refused.statusCode()).as(byId).isNotEqualTo(200);
        assertThat(refused.body()).as(byId).doesNotContain("isolation-probe.dmn");
      }
      assertThat(rest.get("/engine-rest/decision-definition/key/isolation-probe/tenant-id/jilin", jinanManager)
          .statusCode()).isEqualTo(404);
      // an intake clerk of the same tenant has no right to read deployments at all
      assertThat(rest.get("/engine-rest/deployment?name=isolation-probe",
          StaffRole.INTAKE_CLERK.groupId(Jurisdiction.JILIN)).body()).isEqualTo("[]");
    } finally {
      engine.getRepositoryService().deleteDeployment(probe.getId(), true);
    }
  }

  /**
   * Rows the engine itself adds: members may read their own group and tenant, and candidate groups get rights on
   * each of their tasks. Everything else a group holds must come from its role.
   */
  private static boolean isEngineDefault(Authorization a, String groupId, String tenantId) {
    return (a.getResourceType() == Resources.GROUP.resourceType() && groupId.equals(a.getResourceId()))
        || (a.getResourceType() == Resources.TENANT.resourceType() && tenantId.equals(a.getResourceId()))
        || (a.getResourceType() == Resources.TASK.resourceType() && !"*".equals(a.getResourceId()));
  }

  private static String describe(int resourceType, String resourceId, List<Permission> permissions) {
    return resourceType + "/" + resourceId + ":" + permissions.stream().map(Permission::getName).sorted().toList();
  }
}
