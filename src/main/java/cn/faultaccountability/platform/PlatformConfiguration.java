package cn.faultaccountability.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AccountabilityProperties.class)
public class PlatformConfiguration {

  @Bean
  public EngineStartup engineStartup(AccountabilityProperties properties) {
    return new EngineStartup(new IdentitySetup(properties), new StartupDeployment());
  }

  /** Instances of the shared process definition belong to their jurisdiction's tenant. */
  @Bean
  public ProcessEnginePlugin jurisdictionTenants() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new JurisdictionTenantIdProvider());
        // staff deploy decision tables only, into their own tenant
        java.util.List<org.camunda.bpm.engine.impl.persistence.deploy.Deployer> deployers =
            new java.util.ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
          deployers.addAll(configuration.getCustomPreDeployers());
        }
        deployers.add(new DeploymentGuard());
        configuration.setCustomPreDeployers(deployers);
      }
    };
  }

  /** With schema updates off (production): the engine's tables are there and current, or the start stops. */
  @Bean
  public ProcessEnginePlugin engineSchemaCheck() {
    return new EngineSchemaCheck();
  }

  /** Planner settings for our PostgreSQL connections (docs/performance.md); static: a bean post-processor. */
  @Bean
  public static PostgresSessionSettings postgresSessionSettings() {
    return new PostgresSessionSettings();
  }

  /** Indexes the engine's stock schema lacks (db/engine-indexes/, docs/performance.md). */
  @Bean
  public ProcessEnginePlugin engineIndexes() {
    return new EngineIndexes();
  }

  /** Jobs left without a due date by an earlier version get one, as the job executor acquires by due date. */
  @Bean
  public ProcessEnginePlugin jobDueDates() {
    return new JobDueDates();
  }

  /** Engine REST API: HTTP Basic against the engine's identity service; anonymous requests get 401. */
  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("engine-rest-authentication");
    return registration;
  }

  /**
   * Outermost: a database outage or a concurrent update that reaches the servlet container (e.g. from the
   * authentication filters, which read users from the database) is answered 503 or 409 in Chinese, not 500.
   */
  @Bean
  public FilterRegistrationBean<TransientFailureFilter> transientFailures() {
    FilterRegistrationBean<TransientFailureFilter> registration =
        new FilterRegistrationBean<>(new TransientFailureFilter());
    registration.addUrlPatterns("/*");
    registration.setName("transient-failures");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** No expressions in task queries, through the engine REST API or the webapps' own (Tasklist's) API. */
  @Bean
  public FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
    FilterRegistrationBean<QueryExpressionGuard> registration = new FilterRegistrationBean<>(new QueryExpressionGuard());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setName("query-expression-guard");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Task attachments and comments in the webapps' own engine API only for who sees the task (tenant isolation). */
  @Bean
  public FilterRegistrationBean<WebappTaskAttachmentGuard> webappTaskAttachmentGuard(
      org.camunda.bpm.engine.ProcessEngine engine) {
    FilterRegistrationBean<WebappTaskAttachmentGuard> registration =
        new FilterRegistrationBean<>(new WebappTaskAttachmentGuard(engine));
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setName("webapp-task-attachment-guard");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Another tenant's thing is not found in the webapps' own engine API either (404, not 500). */
  @Bean
  public FilterRegistrationBean<WebappApiErrors> webappApiErrors() {
    FilterRegistrationBean<WebappApiErrors> registration = new FilterRegistrationBean<>(new WebappApiErrors());
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setName("webapp-api-errors");
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 21);
    return registration;
  }

  /** Our API: the webapp login session (dashboard) or HTTP Basic, as the same engine user with groups and tenants. */
  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
    registration.addUrlPatterns("/api/*");
    registration.setName("api-authentication");
    return registration;
  }
}
