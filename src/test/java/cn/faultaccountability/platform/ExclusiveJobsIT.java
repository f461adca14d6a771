package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The job executor as shipped (acquisition by due date, 20 jobs per acquisition, 4 threads; docs/performance.md) on
 * PostgreSQL with the acquisition indexes: exclusive jobs of one process instance still never run at the same time,
 * whether they are acquired together (one batch, run one after the other) or in later acquisitions while one of them
 * runs (the acquisition query's exclusive check, which FA_IDX_JOB_LOCKED serves). Jobs of different instances do run
 * in parallel, so the check is not met merely by running one job at a time.
 */
@SpringBootTest
class ExclusiveJobsIT {

  private static final long STEP_MILLIS = 800;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.registerOwn(registry, "exclusive");
  }

  @TestConfiguration
  static class Probe {
    @Bean
    ExclusiveProbe exclusiveProbe() {
      return new ExclusiveProbe();
    }
  }

  /** Records when each step ran, per process instance. */
  public static class ExclusiveProbe {
    final List<Run> runs = new CopyOnWriteArrayList<>();

    public void run(DelegateExecution execution) throws InterruptedException {
      long start = System.nanoTime();
      Thread.sleep(STEP_MILLIS);
      runs.add(new Run(execution.getProcessInstanceId(), execution.getCurrentActivityId(), start, System.nanoTime()));
    }
  }

  record Run(String instance, String step, long start, long end) {
    boolean overlaps(Run other) {
      return start < other.end && other.start < end;
    }
  }

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ExclusiveProbe probe;

  @Test
  void exclusiveJobsOfOneInstanceNeverRunAtTheSameTime() throws Exception {
    String deployment = repositoryService.createDeployment()
        .addClasspathResource("fixtures/exclusive-timers.bpmn").deploy().getId();
    try {
      long base = System.currentTimeMillis() + 2_000;
      List<String> instances = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // even: the three timers due together (acquired in one batch); odd: due 150 ms apart (acquired one by one,
        // while an earlier one of the same instance runs)
        long apart = i % 2 == 0 ? 0 : 150;
        instances.add(runtimeService.startProcessInstanceByKey("exclusive-timers", Map.of(
            "due1", new Date(base), "due2", new Date(base + apart), "due3", new Date(base + 2 * apart))).getId());
      }

      long deadline = System.currentTimeMillis() + 90_000;
      while (historyService.createHistoricProcessInstanceQuery().processDefinitionKey("exclusive-timers").finished()
          .count() < instances.size() && System.currentTimeMillis() < deadline) {
        Thread.sleep(250);
      }

      assertThat(historyService.createHistoricJobLogQuery().processDefinitionKey("exclusive-timers").failureLog()
          .count()).as("failed job executions (a concurrent run would fail with an optimistic lock)").isZero();
      assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("exclusive-timers")
          .finished().count()).as("finished instances").isEqualTo(instances.size());
      List<Run> runs = List.copyOf(probe.runs);
      for (String instance : instances) {
        List<Run> ofInstance = runs.stream().filter(r -> r.instance().equals(instance)).toList();
        assertThat(ofInstance).as("steps run in instance " + instance).hasSize(3);
        for (Run a : ofInstance) {
          for (Run b : ofInstance) {
            assertThat(a != b && a.overlaps(b)).as(a.step() + " and " + b.step() + " of one instance overlap")
                .isFalse();
          }
        }
      }
      assertThat(runs.stream().anyMatch(a -> runs.stream().anyMatch(b -> !a.instance().equals(b.instance())
          && a.overlaps(b)))).as("steps of different instances ran in parallel").isTrue();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }
}
