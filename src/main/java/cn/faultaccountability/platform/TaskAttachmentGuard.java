package cn.faultaccountability.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Camunda 7.24 CE serves a task's attachments and comments by id without checking the caller's right on the task or
 * its tenant (found by TenantIsolationTest: a Jilin clerk downloaded a Jinan case's evidence). Engine REST therefore
 * answers those paths only to a caller who can see the task — open (task grant, tenant) or completed (history of the
 * case's definition, tenant); anyone else gets 404, as for a task that does not exist. Staff read a case's attachments
 * through {@code /api/cases/{key}/attachments}, which checks the case first. The webapps' own engine API (Tasklist's,
 * {@code /camunda/api/engine/...}) is another Jersey application with the same gap: {@link WebappTaskAttachmentGuard}.
 */
@Component
public class TaskAttachmentGuard implements ResourceConfigCustomizer {

  private static final Pattern TASK_CHILD = Pattern.compile("^/?task/([^/]+)/(attachment|comment)(/.*)?$");
  private final ProcessEngine engine;

  public TaskAttachmentGuard(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register((ContainerRequestFilter) this::filter);
  }

  private void filter(ContainerRequestContext request) {
    Matcher m = TASK_CHILD.matcher(request.getUriInfo().getPath());
    if (!m.matches()) {
      return;
    }
    // with the caller's authentication (set by the engine's REST authentication filter)
    if (!visible(engine, m.group(1))) {
      request.abortWith(Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "NotFound", "message", NOT_FOUND)).build());
    }
  }

  static final String NOT_FOUND = "不存在或您无权访问 / Not found";

  /** The current user sees the task: open (task grant, tenant) or completed (history grant, tenant). */
  static boolean visible(ProcessEngine engine, String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0
        || engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
  }
}
