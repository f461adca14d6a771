package cn.faultaccountability.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Configuration;

/** Our tables exist before the engine starts deploying and running cases that write to them. */
@Configuration
public class EngineAfterFlyway extends AbstractDependsOnBeanFactoryPostProcessor {

  public EngineAfterFlyway() {
    super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
  }
}
