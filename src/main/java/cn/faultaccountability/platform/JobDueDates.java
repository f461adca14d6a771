package cn.faultaccountability.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code ensureJobDueDateNotNull} (application.yaml, docs/performance.md) the job executor acquires only jobs
 * that have a due date: the engine gives every new job one, but a job created before the setting was switched on (by
 * an earlier version of this application: asynchronous steps and batch jobs had none) would never run. At start, such
 * jobs get the time they were created (or now) as their due date, so they run first, as they would have.
 */
public class JobDueDates extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(JobDueDates.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!configuration.isEnsureJobDueDateNotNull()) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
        PreparedStatement update = connection.prepareStatement("update " + configuration.getDatabaseTablePrefix()
            + "ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, ?) where DUEDATE_ is null")) {
      connection.setAutoCommit(true);
      update.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      int updated = update.executeUpdate();
      if (updated > 0) {
        LOG.info("{} 个无到期时间的作业已补上到期时间（创建时间）/ jobs without a due date now due at their creation time",
            updated);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not give the jobs without a due date one: " + e.getMessage(), e);
    }
  }
}
