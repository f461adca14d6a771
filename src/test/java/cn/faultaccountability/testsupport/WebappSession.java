package cn.faultaccountability.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the Camunda webapps, for tests of their own API ({@code /camunda/api/...}): logs in as
 * Tasklist's login page does (the CSRF token from the first GET, sent back as {@code X-XSRF-TOKEN}) and sends every
 * later request with the session cookie and that token, as Tasklist's scripts do.
 */
public final class WebappSession {

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final String baseUrl;
  private String csrfToken;

  private WebappSession(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  /** Logged in (through the welcome page, open to every user) as the demo user (password "demo"). */
  public static WebappSession login(int port, String user) {
    WebappSession session = new WebappSession(port);
    HttpResponse<String> page = session.send(HttpRequest.newBuilder(URI.create(session.baseUrl
        + "/camunda/app/welcome/default/")).GET().build());
    session.csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElse(null);
    assertThat(session.csrfToken).as("CSRF token on the first GET").isNotNull();
    HttpResponse<String> login = session.send(session.request("/camunda/api/admin/auth/user/default/login/welcome")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")).build());
    assertThat(login.statusCode()).as("login of " + user + ": " + login.body()).isEqualTo(200);
    // the login starts a new session (fixation protection); its token comes with the next GET
    HttpResponse<String> after = session.send(session.request("/camunda/api/admin/auth/user/default").GET().build());
    after.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> session.csrfToken = token);
    return session;
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (csrfToken != null) {
      builder.header("X-XSRF-TOKEN", csrfToken);
    }
    return builder;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + request.uri(), e);
    }
  }
}
