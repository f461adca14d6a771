package cn.faultaccountability.dashboard;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code jobs}: whether the job executor (timers of every statutory deadline, reminders,
 * escalations) runs, and how many jobs are due or have failed. DOWN when job execution is meant to run and does
 * not — deadlines would silently stop firing; UNKNOWN when it is switched off on purpose
 * ({@code camunda.bpm.job-execution.enabled=false}). Camunda's own {@code jobExecutor} component sits beside it
 * whenever the executor exists.
 */
@Component("jobs")
public class JobsHealthIndicator extends AbstractHealthIndicator {

  private final ProcessEngine engine;
  private final ManagementService managementService;
  private final boolean enabled;

  public JobsHealthIndicator(ProcessEngine engine, ManagementService managementService,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    this.engine = engine;
    this.managementService = managementService;
    this.enabled = enabled;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean active = executor != null && executor.isActive();
    if (!enabled) {
      builder.unknown().withDetail("jobExecution", "disabled");
    } else if (active) {
      builder.up();
    } else {
      builder.down();
    }
    builder.withDetail("executorActive", active)
        .withDetail("dueJobs", managementService.createJobQuery().executable().count())
        .withDetail("failedJobs", managementService.createJobQuery().noRetriesLeft().count());
  }
}
