package cn.faultaccountability.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts the engine's optimistic-locking conflicts (two transactions changed the same execution, task or job; the
 * later one is rolled back) as {@code fa_optimistic_locking_conflicts_total} on /actuator/prometheus, by
 * {@code kind}, and logs each one that rolled work back. With several nodes on one database they are expected; what
 * matters is that every one is resolved (docs/reliability.md):
 * <ul>
 *   <li>{@code job_acquisition}: two job executors tried to lock the same due job; the other node runs it. The
 *       engine drops such jobs from the batch without an exception; the count is what it reports.</li>
 *   <li>{@code job}: a job's transaction (a timer firing, its reminder or escalation) was rolled back; the job is
 *       retried as configured by {@code failedJobRetryTimeCycle} (R5/PT5M).</li>
 *   <li>{@code request}: a user's action (engine REST, the webapps, /api) was rolled back; the caller gets 409 with
 *       a Chinese message and may repeat it.</li>
 * </ul>
 * Only the outermost command of a thread counts, so a conflict that passes through nested commands is counted once.
 */
@Component
public class OptimisticLockingConflicts extends AbstractProcessEnginePlugin {

  public static final String METRIC = "fa_optimistic_locking_conflicts";

  private static final Logger LOG = LoggerFactory.getLogger(OptimisticLockingConflicts.class);
  private static final String JOB_EXECUTOR_PACKAGE = AcquiredJobs.class.getPackageName() + ".";
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final Counter acquisition;
  private final Counter job;
  private final Counter request;

  public OptimisticLockingConflicts(MeterRegistry registry) {
    this.acquisition = counter(registry, "job_acquisition", "两个节点争抢同一到期作业（由另一节点执行）");
    this.job = counter(registry, "job", "作业事务因并发修改回滚（按重试周期重试）");
    this.request = counter(registry, "request", "用户操作因并发修改回滚（答复 409，可重试）");
  }

  private static Counter counter(MeterRegistry registry, String kind, String description) {
    return Counter.builder(METRIC).tag("kind", kind).description("乐观锁冲突数：" + description).register(registry);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withCounting(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withCounting(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private List<CommandInterceptor> withCounting(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    // first: outside the transaction, so it sees the conflict the flush at the end of the command throws
    interceptors.add(new Counting());
    if (existing != null) {
      interceptors.addAll(existing);
    }
    return interceptors;
  }

  private final class Counting extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        T result = next.execute(command);
        if (depth[0] == 1 && command instanceof AcquireJobsCmd && result instanceof AcquiredJobs acquired
            && acquired.getNumberOfJobsFailedToLock() > 0) {
          acquisition.increment(acquired.getNumberOfJobsFailedToLock());
          LOG.debug("{} due job(s) were locked by another node first", acquired.getNumberOfJobsFailedToLock());
        }
        return result;
      } catch (RuntimeException e) {
        if (depth[0] == 1) {
          CommandFailures.record(e);
        }
        if (depth[0] == 1 && TransientFailures.isOptimisticLockingConflict(e)) {
          // the job executor's own commands (executing a job, recording its failure or success)
          boolean ofJob = command instanceof ExecuteJobsCmd
              || command.getClass().getName().startsWith(JOB_EXECUTOR_PACKAGE);
          (ofJob ? job : request).increment();
          LOG.info("乐观锁冲突，已回滚 / optimistic locking conflict, rolled back ({}, {}): {}",
              ofJob ? "作业将重试 / the job will be retried" : "答复 409 / answered 409",
              command.getClass().getSimpleName(), firstLine(e.getMessage()));
        }
        throw e;
      } finally {
        depth[0]--;
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
