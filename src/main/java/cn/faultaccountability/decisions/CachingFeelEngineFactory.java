package cn.faultaccountability.decisions;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;

/**
 * Gives a DMN engine configuration the {@link CachingFeelEngine} in place of the stock FEEL-Scala engine. Used by the
 * process engine ({@link FeelExpressionCachePlugin}), by the decision-table check and case runner, and by the
 * benchmark, so that all of them evaluate exactly as the application does.
 *
 * <p>The engine is created when the DMN engine is built, after the process engine has put its FEEL custom function
 * providers and its legacy-FEEL setting on the configuration; both are read then. With legacy FEEL switched on the
 * stock JUEL-based engine is kept (it caches on its own).
 */
public final class CachingFeelEngineFactory implements FeelEngineFactory {

  private final DefaultDmnEngineConfiguration configuration;
  private final int maxEntries;

  private CachingFeelEngineFactory(DefaultDmnEngineConfiguration configuration, int maxEntries) {
    this.configuration = configuration;
    this.maxEntries = maxEntries;
  }

  /** Makes {@code configuration} use the expression cache; returns it. */
  public static DefaultDmnEngineConfiguration install(DefaultDmnEngineConfiguration configuration) {
    return install(configuration, CachingFeelEngine.DEFAULT_MAX_ENTRIES);
  }

  public static DefaultDmnEngineConfiguration install(DefaultDmnEngineConfiguration configuration, int maxEntries) {
    configuration.setFeelEngineFactory(new CachingFeelEngineFactory(configuration, maxEntries));
    return configuration;
  }

  /** A DMN engine configuration outside the process engine (tools, tests, benchmark) that evaluates as the app does. */
  public static DefaultDmnEngineConfiguration standaloneConfiguration() {
    return install((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
  }

  @Override
  public FeelEngine createInstance() {
    if (configuration.isEnableFeelLegacyBehavior()) {
      return new FeelEngineFactoryImpl().createInstance();
    }
    return new CachingFeelEngine(configuration.getFeelCustomFunctionProviders(), maxEntries);
  }
}
