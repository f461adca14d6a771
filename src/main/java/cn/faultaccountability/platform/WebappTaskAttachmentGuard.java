package cn.faultaccountability.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' own engine API ({@code /camunda/api/engine/engine/<name>/...}, what Tasklist calls with its login
 * session) serves a task's attachments and comments by id without checking the task, like engine REST (found by
 * TenantIsolationTest: a Jilin clerk read a Jinan case's evidence there). It is a Jersey application of its own, out of
 * {@link TaskAttachmentGuard}'s reach, so this servlet filter answers those paths only to a session user who can see
 * the task, and 404 to anyone else. Requests without a login session pass on to Camunda's own security (401).
 */
public class WebappTaskAttachmentGuard extends OncePerRequestFilter {

  private static final Pattern TASK_CHILD = Pattern.compile(
      "^/camunda/api/engine/engine/([^/]+)/task/([^/]+)/(attachment|comment)(/.*)?$");

  private final ProcessEngine engine;

  public WebappTaskAttachmentGuard(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !TASK_CHILD.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = TASK_CHILD.matcher(path(request));
    String userId = m.matches() ? sessionUser(request, m.group(1)) : null;
    if (userId != null && !visibleTo(userId, m.group(2))) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"NotFound\",\"message\":\"" + TaskAttachmentGuard.NOT_FOUND + "\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static String sessionUser(HttpServletRequest request, String engineName) {
    var session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
    return user == null ? null : user.getIdentityId();
  }

  /** Checked as the user with their current groups and tenants; whatever authentication the thread had is kept. */
  private boolean visibleTo(String userId, String taskId) {
    IdentityService identity = engine.getIdentityService();
    Authentication previous = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
          .toList();
      List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
          .stream().map(Tenant::getId).toList();
      identity.setAuthentication(userId, groups, tenants);
      return TaskAttachmentGuard.visible(engine, taskId);
    } finally {
      identity.clearAuthentication();
      if (previous != null) {
        identity.setAuthentication(previous);
      }
    }
  }
}
