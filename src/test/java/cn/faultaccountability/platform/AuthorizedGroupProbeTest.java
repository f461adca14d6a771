package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authenticated groups that hold authorizations, found per group ({@link AuthorizedGroupProbe}), are exactly those
 * the engine's own table-wide lookup finds — for grants, revocations, global and user authorizations, groups without
 * any — and task visibility follows them as before.
 */
class AuthorizedGroupProbeTest {

  private static ProcessEngine engine;
  private static ProcessEngineConfigurationImpl configuration;

  @BeforeAll
  static void engine() {
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    config.setJdbcUrl("jdbc:h2:mem:authorized-group-probe;DB_CLOSE_DELAY=-1");
    config.setProcessEngineName("authorized-group-probe");
    config.setAuthorizationEnabled(true);
    config.setJobExecutorActivate(false);
    config.setProcessEnginePlugins(new ArrayList<>(List.of(new AuthorizedGroupProbe())));
    engine = config.buildProcessEngine();
    configuration = config;
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theGroupsFoundAreThoseTheEngineFindsItself() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    grant(authorizations, Authorization.AUTH_TYPE_GRANT, "granted", null, "task-1");
    grant(authorizations, Authorization.AUTH_TYPE_REVOKE, "revoked", null, "task-2");
    grant(authorizations, Authorization.AUTH_TYPE_GRANT, null, "someone", "task-3");
    Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    global.setUserId(Authorization.ANY);
    global.setResource(Resources.FILTER);
    global.setResourceId(Authorization.ANY);
    global.addPermission(Permissions.READ);
    authorizations.saveAuthorization(global);

    for (List<String> groups : List.of(List.of("granted", "revoked", "none"), List.of("none"), List.of("granted"),
        List.of("revoked", "granted", "granted"), List.<String>of(), Arrays.asList("granted", null))) {
      List<String>[] found = found(groups);
      assertThat(found[0]).as("probe for %s", groups).containsExactlyInAnyOrderElementsOf(found[1]);
    }
    assertThat(found(List.of("granted", "revoked", "none"))[0]).containsExactlyInAnyOrder("granted", "revoked");
  }

  @Test
  void aTaskIsVisibleThroughItsGroupUntilTheGrantIsGone() {
    TaskService tasks = engine.getTaskService();
    Task task = tasks.newTask("visible-task");
    tasks.saveTask(task);
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = grant(authorizations, Authorization.AUTH_TYPE_GRANT, "readers", null, task.getId());
    try {
      engine.getIdentityService().setAuthentication("reader", List.of("readers", "others"));
      assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
      engine.getIdentityService().setAuthentication("reader", List.of("others"));
      assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
      engine.getIdentityService().clearAuthentication();
      authorizations.deleteAuthorization(grant.getId());
      engine.getIdentityService().setAuthentication("reader", List.of("readers", "others"));
      assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
      tasks.deleteTask(task.getId(), true);
    }
  }

  /** [the engine's manager now (the probe), a stock manager] in the same command. */
  @SuppressWarnings("unchecked")
  private static List<String>[] found(List<String> groups) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      AuthorizationManager installed = context.getAuthorizationManager();
      assertThat(installed).isInstanceOf(AuthorizedGroupProbe.ProbingAuthorizationManager.class);
      return new List[] {installed.filterAuthenticatedGroupIds(groups),
          new AuthorizationManager().filterAuthenticatedGroupIds(groups)};
    });
  }

  private static Authorization grant(AuthorizationService authorizations, int type, String group, String user,
      String taskId) {
    Authorization authorization = authorizations.createNewAuthorization(type);
    authorization.setGroupId(group);
    authorization.setUserId(user);
    authorization.setResource(Resources.TASK);
    authorization.setResourceId(taskId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(Permissions.READ);
    } else {
      authorization.addPermission(Permissions.READ);
    }
    return authorizations.saveAuthorization(authorization);
  }
}
