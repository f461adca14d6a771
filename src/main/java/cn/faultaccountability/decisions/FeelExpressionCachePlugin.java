package cn.faultaccountability.decisions;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The process engine's DMN engine evaluates FEEL through {@link CachingFeelEngine}: business-rule tasks, the decision
 * service, the engine REST API's {@code /decision-definition/.../evaluate} and the deadline look-ups all share it.
 * Keeps a DMN engine configuration another plugin has set (the listeners of {@code DecisionUsageRecorder}).
 */
@Component
public class FeelExpressionCachePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    CachingFeelEngineFactory.install(dmn);
    configuration.setDmnEngineConfiguration(dmn);
  }
}
