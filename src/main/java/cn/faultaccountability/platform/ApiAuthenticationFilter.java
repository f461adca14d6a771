package cn.faultaccountability.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api} requests as an engine user — from the Camunda webapp session (so the dashboard shares
 * the Tasklist/Cockpit login) or from HTTP Basic — and sets the engine authentication for the request, so every
 * engine call our API makes is checked against that user's authorizations and tenants.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";
  private final IdentityService identityService;

  public ApiAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = sessionUser(request);
    if (userId == null) {
      userId = basicUser(request);
    }
    if (userId == null) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"fault-accountability\"");
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"请先登录（Camunda 账号，HTTP Basic 或 Tasklist 会话）\"}");
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identityService.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String sessionUser(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    return user == null ? null : user.getIdentityId();
  }

  private String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    return identityService.checkPassword(userId, decoded.substring(colon + 1)) ? userId : null;
  }
}
