package cn.faultaccountability.tasklist;

import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.platform.TransientFailures;
import cn.faultaccountability.testsupport.CaseDriver;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same task completed twice at the same moment (two nodes, two tabs): the later request read the task before the
 * earlier one committed and the case after it. Found by the two-node test, where the later request was refused in the
 * investigator's name by the head's approval it had never touched (403).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class CompletedTaskIsCurrentTest {

  @Autowired CaseDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;

  @Test
  void theCompletionThatLostTheRaceIsAConflictAndTheCaseGoesOnFromTheOneThatWon() {
    String key = driver.intake(driver.lead("jinan", "并发办结测试单位", Map.of()));
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("PreliminaryCheck").singleResult().getId();
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();

    assertThatThrownBy(() -> driver.as("jinan-investigator", () -> commands.execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId); // read before the other request commits
      CompletableFuture.runAsync(() -> driver.complete(key, "PreliminaryCheck", "investigator",
          vars("checkOutcome", "FILE"))).join();
      task.setVariable("checkOutcome", "FILE");
      task.complete(); // its case is now at the head's approval
      return null;
    }))).satisfies(e -> assertThat(TransientFailures.isOptimisticLockingConflict(e)).as(e.toString()).isTrue());

    // the approval the winner reached is untouched: open, undecided
    assertThat(driver.openTasks(key)).containsExactly("ApproveFiling");
    assertThat(driver.variable(key, "filingDecision")).isNull();
  }
}
