package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The job executor acquires by due date and only jobs that have one (docs/performance.md): every new job gets one, and
 * a job an earlier version left without one gets its creation time at start, so that no job is stranded.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:job-due-dates;DB_CLOSE_DELAY=-1")
class JobDueDatesTest {

  @Autowired ProcessEngine engine;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAsynchronousStepGetsADueDateAndIsAcquired() {
    Deployment deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("fixtures/failing-jobs.bpmn").deploy();
    try {
      String instance = engine.getRuntimeService().startProcessInstanceByKey("failing-jobs", Map.of("timer", false))
          .getId();
      Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
      assertThat(job.getDuedate()).as("due date of an asynchronous step").isNotNull();
      assertThat(acquire().contains(job.getId())).as("acquired").isTrue();
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aJobLeftWithoutDueDateGetsItsCreationTimeAtStartAndIsAcquired() {
    Timestamp created = Timestamp.valueOf("2025-03-01 09:30:00");
    insertJobWithoutDueDate("legacy-job-created", created);
    insertJobWithoutDueDate("legacy-job-undated", null);
    try {
      assertThat(acquire()).as("acquired before the fix").doesNotContain("legacy-job-created", "legacy-job-undated");

      new JobDueDates().postProcessEngineBuild(engine);

      assertThat(jdbc.queryForObject("select DUEDATE_ from ACT_RU_JOB where ID_ = 'legacy-job-created'",
          Timestamp.class)).isEqualTo(created);
      assertThat(jdbc.queryForObject("select DUEDATE_ from ACT_RU_JOB where ID_ = 'legacy-job-undated'",
          Timestamp.class)).isNotNull();
      assertThat(acquire()).contains("legacy-job-created", "legacy-job-undated");
    } finally {
      jdbc.update("delete from ACT_RU_JOB where ID_ like 'legacy-job-%'");
    }
  }

  private void insertJobWithoutDueDate(String id, Timestamp created) {
    jdbc.update("insert into ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, RETRIES_, HANDLER_TYPE_, SUSPENSION_STATE_,"
        + " PRIORITY_, CREATE_TIME_) values (?, 1, 'message', true, 3, 'async-continuation', 1, 0, ?)", id, created);
  }

  /** Job ids the engine's acquisition takes now (and locks: these tests run no job executor). */
  private java.util.List<String> acquire() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
        .execute(new AcquireJobsCmd(configuration.getJobExecutor(), 100));
    jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null");
    return acquired.getJobIdBatches().stream().flatMap(java.util.List::stream).toList();
  }
}
