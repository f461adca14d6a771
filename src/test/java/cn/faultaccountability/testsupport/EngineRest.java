package cn.faultaccountability.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for tests: calls the running app as a given user (HTTP Basic) or anonymously. */
public final class EngineRest {

  private final HttpClient client = HttpClient.newHttpClient();
  private final String baseUrl;

  public EngineRest(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  public HttpResponse<String> get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  public HttpResponse<String> postJson(String path, String user, String json) {
    return send(request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + request.uri(), e);
    }
  }

  public HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (user != null) {
      // demo users all have the password "demo" (IdentitySetup)
      String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    return builder;
  }
}
