package cn.faultaccountability.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Decision-table deployments are audited by the engine itself, whoever deploys them and however. */
@Configuration
public class AuditConfiguration {

  @Bean
  public ProcessEnginePlugin deploymentAudit(@Lazy DeploymentAuditRepository audit) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        if (configuration.getCustomPostDeployers() != null) {
          deployers.addAll(configuration.getCustomPostDeployers());
        }
        deployers.add(new DeploymentAudit(audit));
        configuration.setCustomPostDeployers(deployers);
      }
    };
  }
}
