package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures are transient (docs/reliability.md), how they are answered, and how optimistic-locking conflicts are
 * counted. The two-node and database-outage behaviour itself is tested end to end by TwoNodeReliabilityIT.
 */
class TransientFailuresTest {

  @Test
  void aLostOrRefusedDatabaseConnectionIsRecognisedWhereverItIsWrapped() {
    SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 10000ms.");
    for (Throwable e : List.of(terminated, ioError, poolTimeout,
        new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations",
            new RuntimeException(terminated)),
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout),
        new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
        new ServletException(new ProcessEngineException("wrapped", ioError)))) {
      assertThat(TransientFailures.isDatabaseUnavailable(e)).as(e.toString()).isTrue();
    }
    // the rollback on the dead connection failed as well; the original failure is kept beside it
    org.springframework.transaction.TransactionSystemException rollbackFailed =
        new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
            new SQLException("Connection is closed"));
    rollbackFailed.initApplicationException(new ProcessEngineException("persistence", terminated));
    assertThat(TransientFailures.isDatabaseUnavailable(new ProcessEngineException("x", rollbackFailed))).isTrue();
    assertThat(TransientFailures.isDatabaseUnavailable(new org.springframework.transaction.TransactionSystemException(
        "commit failed", new SQLException("could not serialize access", "40001")))).isFalse();
    // the commit failed on the terminated connection; Spring throws only the failed rollback after it
    assertThat(TransientFailures.isDatabaseUnavailable(new org.springframework.transaction.TransactionSystemException(
        "JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
    assertThat(TransientFailures.isDatabaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(TransientFailures.isDatabaseUnavailable(new ProcessEngineException("Cannot find task"))).isFalse();
    assertThat(TransientFailures.isDatabaseUnavailable(new SQLException("no state"))).isFalse();
  }

  @Test
  void theEngineRestApiAnswers503And409InsteadOf500() {
    SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    ProcessEngineException persistence = new org.camunda.bpm.engine.ProcessEnginePersistenceException("An exception occurred in the persistence layer.",
        new org.apache.ibatis.exceptions.PersistenceException("### Error querying database", terminated));
    assertThat(EngineRestErrors.translate(persistence).getStatus()).isEqualTo(503);
    assertThat(EngineRestErrors.translate(new org.camunda.bpm.engine.rest.exception.RestException(
        jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR, persistence, "Cannot complete task")).getStatus())
        .isEqualTo(503);
    assertThat(EngineRestErrors.translate(new OptimisticLockingException("ENGINE-03005")).getStatus()).isEqualTo(409);
    assertThat(EngineRestErrors.translate(new org.camunda.bpm.engine.exception.NullValueException(
        "Cannot find task with id 1: task is null")).getStatus()).isEqualTo(404);
    assertThat(EngineRestErrors.translate(new ProcessEngineException("a bug"))).isNull();
    // a resource that answers with the engine's message only (PUT /job/{id}/duedate): the command's failure decides
    EngineRestErrors errors = new EngineRestErrors(null);
    org.camunda.bpm.engine.rest.exception.RestException messageOnly =
        new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
            jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR, persistence.getMessage());
    CommandFailures.record(persistence);
    try {
      assertThat(errors.answer(messageOnly).getStatus()).isEqualTo(503);
    } finally {
      CommandFailures.clear();
    }
  }

  @Test
  void aConcurrentUpdateIsRecognisedWhereverItIsWrapped() {
    assertThat(TransientFailures.isOptimisticLockingConflict(new ServletException(new ProcessEngineException("x",
        new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity[1]' failed"))))).isTrue();
    assertThat(TransientFailures.isOptimisticLockingConflict(new ProcessEngineException("other"))).isFalse();
  }

  @Test
  void theOutermostFilterAnswers503Or409InChineseInTheShapeOfThePath() throws Exception {
    TransientFailureFilter filter = new TransientFailureFilter();

    MockHttpServletResponse api = run(filter, "/api/cases", new ServletException(
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
            new SQLTransientConnectionException("Connection is not available"))));
    assertThat(api.getStatus()).isEqualTo(503);
    assertThat(api.getHeader("Retry-After")).isEqualTo("10");
    assertThat(api.getContentAsString()).contains("\"error\":\"database_unavailable\"")
        .contains(TransientFailures.DATABASE_UNAVAILABLE).contains("\"errors\":[]").doesNotContain("Exception");

    MockHttpServletResponse rest = run(filter, "/engine-rest/task", new ProcessEngineException("x",
        new SQLException("terminating connection", "57P01")));
    assertThat(rest.getStatus()).isEqualTo(503);
    assertThat(rest.getContentAsString()).contains("\"type\":\"database_unavailable\"")
        .contains(TransientFailures.DATABASE_UNAVAILABLE);

    MockHttpServletResponse conflict = run(filter, "/api/cases/JINAN-2026-00001/recusal-requests",
        new ServletException(new OptimisticLockingException("ENGINE-03005 update failed")));
    assertThat(conflict.getStatus()).isEqualTo(409);
    assertThat(conflict.getContentAsString()).contains("\"error\":\"concurrent_update\"")
        .contains(TransientFailures.CONCURRENT_UPDATE);

    IllegalStateException other = new IllegalStateException("a bug");
    assertThatThrownBy(() -> run(filter, "/api/cases", other)).isSameAs(other);
  }

  private static MockHttpServletResponse run(TransientFailureFilter filter, String path, Exception thrown)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
          throws java.io.IOException, ServletException {
        if (thrown instanceof ServletException s) {
          throw s;
        }
        throw (RuntimeException) thrown;
      }
    });
    return response;
  }

  @Test
  void conflictsAreCountedOnceByKindAtTheOutermostCommand() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    OptimisticLockingConflicts plugin = new OptimisticLockingConflicts(registry);
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    plugin.preInit(configuration);
    CommandInterceptor counting = configuration.getCustomPreCommandInterceptorsTxRequired().get(0);
    CommandInterceptor inner = new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        return command.execute(null);
      }
    };
    counting.setNext(inner);

    Command<Void> conflicting = context -> {
      throw new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity[1]' failed");
    };
    assertThatThrownBy(() -> counting.execute(conflicting)).isInstanceOf(OptimisticLockingException.class);
    // a nested command's conflict that reaches the outer command is still one conflict
    assertThatThrownBy(() -> counting.execute(context -> counting.execute(conflicting)))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(count(registry, "request")).isEqualTo(2.0);

    ExecuteJobsCmd job = new ExecuteJobsCmd("job-1", new JobFailureCollector("job-1")) {
      @Override
      public Void execute(org.camunda.bpm.engine.impl.interceptor.CommandContext context) {
        throw new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TimerEntity[1]' failed");
      }
    };
    assertThatThrownBy(() -> counting.execute(job)).isInstanceOf(OptimisticLockingException.class);
    assertThat(count(registry, "job")).isEqualTo(1.0);

    AcquireJobsCmd acquire = new AcquireJobsCmd(null, 3) {
      @Override
      public AcquiredJobs execute(org.camunda.bpm.engine.impl.interceptor.CommandContext context) {
        AcquiredJobs acquired = new AcquiredJobs(3);
        acquired.addJobIdBatch(new java.util.ArrayList<>(List.of("a", "b", "c")));
        acquired.removeJobId("b");
        acquired.removeJobId("c");
        return acquired;
      }
    };
    counting.execute(acquire);
    assertThat(count(registry, "job_acquisition")).isEqualTo(2.0);

    assertThatThrownBy(() -> counting.execute(context -> {
      throw new ProcessEngineException("not a conflict");
    })).isInstanceOf(ProcessEngineException.class);
    assertThat(count(registry, "request") + count(registry, "job")).isEqualTo(3.0);
  }

  private static double count(SimpleMeterRegistry registry, String kind) {
    return registry.get(OptimisticLockingConflicts.METRIC).tag("kind", kind).counter().count();
  }
}
