package cn.faultaccountability.platform;

import cn.faultaccountability.cases.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Our delegates and listeners refuse bad input (a form's field, another tenant's lead) with
 * {@link InvalidInputException}, a ProcessEngineException; engine REST would answer it — wrapped or not — with 500.
 * It is the caller's mistake: 400 with the Chinese message naming the field (found by HostileInputTest and
 * TenantIsolationTest). Every other exception keeps Camunda's own answer.
 */
@Component
public class RefusedInputIsBadRequest implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(new Wrapped());
    config.register(new Direct());
  }

  static Response badRequest(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException refused) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(InvalidInputException.class.getSimpleName());
        dto.setMessage(refused.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
      }
    }
    return null;
  }

  /** Ahead of Camunda's own mappers of the same exception types (Jersey picks the higher priority). */
  @Priority(1000)
  static final class Wrapped implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      Response response = badRequest(e);
      return response != null ? response : new RestExceptionHandler().toResponse(e);
    }
  }

  @Priority(1000)
  static final class Direct implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      Response response = badRequest(e);
      return response != null ? response : new ProcessEngineExceptionHandler().toResponse(e);
    }
  }
}
