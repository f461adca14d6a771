package cn.faultaccountability.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP to one node of the system, as the demo users (password {@code demo}) over HTTP Basic. A request that gets no
 * answer at all (connection refused or reset, time-out) is answered with status -1 rather than thrown, so the
 * driver can count it like any other answer.
 */
final class NodeClient {

  record Answer(String node, int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final String name;
  private final String base;
  private final String management;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  NodeClient(String name, int port, int managementPort) {
    this.name = name;
    this.base = "http://localhost:" + port;
    this.management = "http://localhost:" + managementPort;
  }

  String name() {
    return name;
  }

  Answer get(String path, String user) {
    return send(request(base + path, user).GET());
  }

  Answer post(String path, String user, String json) {
    return send(request(base + path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  Answer put(String path, String user, String json) {
    return send(request(base + path, user).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** The management port (health, Prometheus), which needs no login. */
  Answer management(String path) {
    return send(request(management + path, null).GET());
  }

  private static HttpRequest.Builder request(String url, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (user != null) {
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(name, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(name, -1, "interrupted");
    } catch (java.io.IOException e) {
      return new Answer(name, -1, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
