package cn.faultaccountability.platform;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * DEPLOYMENT CREATE is not tied to a tenant in Camunda: a decision administrator of one jurisdiction could deploy into
 * another's, or without a tenant, or a BPMN process (timer start, scripts) that runs as the engine. Found by
 * RoleBoundaryTest. Staff other than administrators may therefore deploy only decision tables (.dmn) and only into a
 * tenant of their own (docs/security.md). Deployments made by the system (start-up, no authenticated user) are as before.
 */
public class DeploymentGuard implements Deployer {

  @Override
  public void deploy(DeploymentEntity deployment) {
    CommandContext context = Context.getCommandContext();
    // the engine stores a deployment with authorization checks suspended; the caller's authentication stays
    if (!deployment.isNew() || context == null
        || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      return;
    }
    Authentication user = context.getAuthentication();
    if (user == null || isAdministrator(user, context.getProcessEngineConfiguration())) {
      return;
    }
    String tenant = deployment.getTenantId();
    List<String> tenants = user.getTenantIds() == null ? List.of() : user.getTenantIds();
    if (tenant == null || !tenants.contains(tenant)) {
      throw new AuthorizationException("部署须指定本人所属的辖区（tenant-id）：" + (tenant == null ? "未指定" : "“" + tenant
          + "”不是您的辖区"));
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    if (resources != null) {
      for (String name : resources.keySet()) {
        if (!name.toLowerCase().endsWith(".dmn")) {
          throw new AuthorizationException("只能部署决策表（.dmn）：资源“" + name + "”不允许");
        }
      }
    }
  }

  private static boolean isAdministrator(Authentication user, ProcessEngineConfigurationImpl configuration) {
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return groups.contains(Groups.CAMUNDA_ADMIN)
        || configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId())
        || configuration.getAdminGroups() != null && configuration.getAdminGroups().stream().anyMatch(groups::contains);
  }
}
