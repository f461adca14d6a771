package cn.faultaccountability.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine refuses a thing of another tenant by id with a plain ProcessEngineException (ENGINE-13034 "belongs to no
 * authenticated tenant"), which engine REST answers with 500. To the caller the thing does not exist: 404, as our
 * /api answers, without the engine's message (it would confirm that the id exists in some tenant).
 */
@Component
public class OtherTenantIsNotFound implements ResourceConfigCustomizer {

  static final String ENGINE_TENANT_REFUSAL = "ENGINE-13034";

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(new StatusFilter());
  }

  static final class StatusFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getStatus() == Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()
          && response.getEntity() instanceof ExceptionDto dto && dto.getMessage() != null
          && dto.getMessage().contains(ENGINE_TENANT_REFUSAL)) {
        ExceptionDto notFound = new ExceptionDto();
        notFound.setType("NotFound");
        notFound.setMessage("不存在或您无权访问 / Not found");
        response.setStatus(Response.Status.NOT_FOUND.getStatusCode());
        response.setEntity(notFound);
      }
    }
  }
}
