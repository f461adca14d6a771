package cn.faultaccountability.audit;

import cn.faultaccountability.audit.DeploymentAuditRepository.DeployedDecision;
import cn.faultaccountability.cases.Actors;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Records every new decision-table version in {@code fa_decision_deployment} (issue 8.3): who deployed it — the
 * authenticated user (engine REST, Camunda Modeler, the {@code decisions deploy|rollback} command, the webapps) or
 * {@code system} (the application's start-up deployment) — when, into which tenant, under which deployment name and
 * source, and whether its content is that of an earlier version (a rollback). A post-deployer: the engine has parsed
 * the tables and numbered their versions, and it runs inside the deployment's command, so the row is written in the
 * same transaction as the deployment and a failed deployment leaves none. Redeployments of a cold cache are not new
 * and are not recorded.
 */
public class DeploymentAudit implements Deployer {

  private final DeploymentAuditRepository audit;

  public DeploymentAudit(DeploymentAuditRepository audit) {
    this.audit = audit;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    List<DecisionDefinition> decisions = deployment.getDeployedDecisionDefinitions();
    if (!deployment.isNew() || decisions == null || decisions.isEmpty()) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    String by = user == null ? Actors.SYSTEM : user;
    Date at = deployment.getDeploymentTime() != null ? deployment.getDeploymentTime() : ClockUtil.getCurrentTime();
    // a DRD file holds several decisions: all of them in the order the engine numbered them
    for (DecisionDefinition decision : new ArrayList<>(decisions)) {
      ResourceEntity resource = deployment.getResource(decision.getResourceName());
      String sha256 = sha256(resource == null ? new byte[0] : resource.getBytes());
      Integer same = audit.earlierVersionWithContent(decision.getTenantId(), decision.getKey(), sha256,
          decision.getVersion());
      audit.record(new DeployedDecision(deployment.getId(), deployment.getName(), deployment.getSource(),
          decision.getTenantId(), decision.getKey(), decision.getId(), decision.getVersion(),
          decision.getVersionTag(), decision.getResourceName(), sha256, same, by, at));
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
