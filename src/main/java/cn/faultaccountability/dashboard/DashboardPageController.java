package cn.faultaccountability.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

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
