package cn.faultaccountability.platform;

import cn.faultaccountability.cases.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Answers of the engine REST API that Camunda would give as 500 although they are no server fault:
 * <ul>
 *   <li>Our delegates and listeners refuse bad input (a form's field, another tenant's lead) with
 *       {@link InvalidInputException}, a ProcessEngineException: it is the caller's mistake, so 400 with the Chinese
 *       message naming the field (found by HostileInputTest and TenantIsolationTest).</li>
 *   <li>Another user or node changed the same case at the same moment (OptimisticLockingException): 409, the
 *       transaction was rolled back and the request may be repeated (docs/reliability.md).</li>
 *   <li>The database is unreachable or restarting: 503 with Retry-After, in Chinese, no stack trace.</li>
 *   <li>The task or case to act on is gone ("Cannot find task ..."), typically because someone else completed it a
 *       moment earlier (two clicks, two nodes): 404 with the engine's message, not 500. Likewise when the task was
 *       read just before the other completion committed: its authorizations went with it and the engine says 403
 *       "no permission on the task" — if the task no longer exists, the answer is 404. A job that is gone ("No job
 *       found", e.g. a due date set again after the first answer was lost and the timer ran) is 404 too.</li>
 * </ul>
 * Whether wrapped (Camunda's resources wrap engine exceptions in a RestException) or not. Every other exception keeps
 * Camunda's own answer.
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

  private final ObjectProvider<ProcessEngine> engine;

  public EngineRestErrors(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(new Wrapped(this));
    config.register(new Direct(this));
    config.register(new Other(this));
  }

  Response answer(Throwable e) {
    Response response = translate(e);
    if (response == null && e instanceof RestException && e.getCause() == null) {
      // the resource kept only the engine's message; the command's own failure tells what happened
      RuntimeException command = CommandFailures.last();
      if (command != null && command.getMessage() != null && e.getMessage() != null
          && e.getMessage().contains(command.getMessage())) {
        response = translate(command);
      }
    }
    return response != null ? response : vanishedTask(e);
  }

  private Response vanishedTask(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthorizationException denied && denied.getMissingAuthorizations() != null) {
        for (MissingAuthorization missing : denied.getMissingAuthorizations()) {
          String id = missing.getResourceId();
          if (Resources.TASK.resourceName().equals(missing.getResourceType()) && id != null && !"*".equals(id)
              && !taskExists(id)) {
            return answer(Response.Status.NOT_FOUND, "NotFound",
                "要办理的任务已不存在（可能刚被他人办理或已结束）：" + id);
          }
        }
      }
    }
    return null;
  }

  /** Whether the task exists at all, whoever may see it (so only for a request already refused). */
  private boolean taskExists(String taskId) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getTaskManager().findTaskById(taskId)) != null;
  }

  static Response translate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException refused) {
        return answer(Response.Status.BAD_REQUEST, InvalidInputException.class.getSimpleName(), refused.getMessage());
      }
    }
    if (TransientFailures.isDatabaseUnavailable(e)) {
      Response response = answer(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable",
          TransientFailures.DATABASE_UNAVAILABLE);
      return Response.fromResponse(response).header("Retry-After", TransientFailures.RETRY_AFTER_SECONDS).build();
    }
    if (TransientFailures.isOptimisticLockingConflict(e)) {
      return answer(Response.Status.CONFLICT, "OptimisticLockingException", TransientFailures.CONCURRENT_UPDATE);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      boolean missingObject = (t instanceof NullValueException || t instanceof NotFoundException)
          && message.startsWith("Cannot find");
      // a job that ran (or was deleted) a moment earlier, e.g. PUT /job/{id}/duedate repeated after a lost answer
      boolean missingJob = t instanceof ProcessEngineException && message.startsWith("No job found with id");
      if (missingObject || missingJob) {
        return answer(Response.Status.NOT_FOUND, "NotFound", "要办理的对象已不存在（可能刚被他人办理或已结束）："
            + t.getMessage());
      }
    }
    return null;
  }

  private static Response answer(Response.Status status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
  }

  /** Ahead of Camunda's own mappers of the same exception types (Jersey picks the higher priority). */
  @Priority(1000)
  static final class Wrapped implements ExceptionMapper<RestException> {
    private final EngineRestErrors errors;

    Wrapped(EngineRestErrors errors) {
      this.errors = errors;
    }

    @Override
    public Response toResponse(RestException e) {
      Response response = errors.answer(e);
      return response != null ? response : new RestExceptionHandler().toResponse(e);
    }
  }

  @Priority(1000)
  static final class Direct implements ExceptionMapper<ProcessEngineException> {
    private final EngineRestErrors errors;

    Direct(EngineRestErrors errors) {
      this.errors = errors;
    }

    @Override
    public Response toResponse(ProcessEngineException e) {
      Response response = errors.answer(e);
      return response != null ? response : new ProcessEngineExceptionHandler().toResponse(e);
    }
  }

  /** E.g. Spring's CannotCreateTransactionException when no connection can be had to begin the command. */
  @Priority(1000)
  static final class Other implements ExceptionMapper<Throwable> {
    private final EngineRestErrors errors;

    Other(EngineRestErrors errors) {
      this.errors = errors;
    }

    @Override
    public Response toResponse(Throwable e) {
      Response response = errors.answer(e);
      return response != null ? response : new ExceptionHandler().toResponse(e);
    }
  }
}
