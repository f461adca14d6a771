package cn.faultaccountability.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/** Once the engine is built: identities and authorizations first, then the product's deployments. */
public class EngineStartup extends AbstractProcessEnginePlugin {

  private final IdentitySetup identitySetup;
  private final StartupDeployment deployment;

  public EngineStartup(IdentitySetup identitySetup, StartupDeployment deployment) {
    this.identitySetup = identitySetup;
    this.deployment = deployment;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    identitySetup.apply(processEngine);
    deployment.deploy(processEngine);
  }
}
