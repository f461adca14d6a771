package cn.faultaccountability.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The managers' dashboard page. It shares the Camunda webapp login (Tasklist, Cockpit): without that session it
 * shows a login form that signs in through the Camunda login endpoint; its figures come from {@code /api/stats}.
 * The page itself holds no data.
 */
@Controller
public class DashboardPageController {

  private static final String ENGINE = "default";
  /** Scripts, styles and charts come from the app itself; nothing inline, nothing from elsewhere. */
  private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  @GetMapping({"/dashboard", "/dashboard/"})
  public ResponseEntity<Resource> page(HttpServletRequest request) {
    String page = loggedIn(request) ? "dashboard/index.html" : "dashboard/login.html";
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).header("Content-Security-Policy", POLICY)
        .header("X-Content-Type-Options", "nosniff").body(new ClassPathResource(page));
  }

  /**
   * The Camunda CSRF token of the caller's own session, for the login and logout forms. Camunda hands it out in a
   * header only on the first GET of a session, and its cookie is scoped to /camunda, out of this page's reach.
   * Same-origin only (no CORS), like the cookie itself.
   */
  @GetMapping("/dashboard/csrf-token")
  @ResponseBody
  public ResponseEntity<Map<String, Object>> csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    Map<String, Object> body = new HashMap<>();
    body.put("token", token);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  private static boolean loggedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    return user != null;
  }
}
