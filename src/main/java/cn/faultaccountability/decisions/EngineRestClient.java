package cn.faultaccountability.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The few calls of the Camunda engine REST API the decisions command needs: create a deployment (multipart), query
 * decision definitions, read a definition's XML. HTTP Basic; every failure becomes an {@link EngineRestException}
 * with a message an administrator can act on.
 */
public final class EngineRestClient {

  /** A failed call, with a plain-words message (connection refused, 401, 403, the engine's own message). */
  public static final class EngineRestException extends Exception {
    private final int status;

    EngineRestException(int status, String message) {
      super(message);
      this.status = status;
    }

    /** HTTP status, or 0 when no response came. */
    public int status() {
      return status;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;
  private final String user;
  private final String authorization;

  public EngineRestClient(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.user = user;
    this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * {@code POST /deployment/create} with the resources as multipart file parts.
   *
   * @param resources resource name (e.g. {@code decisions/jilin/sanctions.dmn}) → content
   */
  public JsonNode createDeployment(String name, String source, String tenantId, boolean changedOnly,
      Map<String, byte[]> resources) throws EngineRestException {
    String boundary = "----decisions-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", name);
    fields.put("deployment-source", source);
    fields.put("tenant-id", tenantId);
    fields.put("enable-duplicate-filtering", String.valueOf(changedOnly));
    fields.put("deploy-changed-only", String.valueOf(changedOnly));
    fields.forEach((field, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + field + "\"\r\n\r\n" + value + "\r\n"));
    resources.forEach((resource, content) -> {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + resource + "\"; filename=\""
          + resource + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(content);
      write(body, "\r\n");
    });
    write(body, "--" + boundary + "--\r\n");
    HttpRequest request = request("/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return send(request, "部署");
  }

  /** {@code GET /decision-definition?…} */
  public List<JsonNode> decisionDefinitions(Map<String, String> query) throws EngineRestException {
    StringBuilder path = new StringBuilder("/decision-definition");
    String separator = "?";
    for (Map.Entry<String, String> entry : query.entrySet()) {
      path.append(separator).append(entry.getKey()).append('=')
          .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
      separator = "&";
    }
    JsonNode list = send(request(path.toString()).GET().build(), "查询决策定义");
    return list.isArray() ? toList(list) : List.of();
  }

  /** {@code GET /decision-definition/{id}/xml}: the DMN XML as deployed. */
  public String decisionXml(String id) throws EngineRestException {
    JsonNode result = send(request("/decision-definition/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/xml")
        .GET().build(), "读取决策表 XML");
    return result.path("dmnXml").asText();
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> items = new java.util.ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private JsonNode send(HttpRequest request, String what) throws EngineRestException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new EngineRestException(0, "无法连接 " + baseUrl + "：引擎没有运行，或地址不对（--url / ENGINE_REST_URL）");
    } catch (IOException e) {
      throw new EngineRestException(0, what + "失败：与 " + baseUrl + " 的连接出错（" + e + "）");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineRestException(0, what + "被中断");
    }
    int status = response.statusCode();
    if (status == 401) {
      throw new EngineRestException(status, "认证失败（401）：" + (user == null
          ? "没有提供用户名和密码（--user/--password 或 ENGINE_USER/ENGINE_PASSWORD）"
          : "用户 " + user + " 的用户名或密码不对"));
    }
    if (status == 403) {
      throw new EngineRestException(status, "没有权限（403）：用户 " + user + " 不能" + what
          + "（需要决策表管理员角色并属于该辖区租户）" + engineMessage(response.body()));
    }
    if (status == 404) {
      throw new EngineRestException(status, what + "失败（404）：" + request.uri()
          + " 不存在（地址应以 /engine-rest 结尾）" + engineMessage(response.body()));
    }
    if (status >= 300) {
      throw new EngineRestException(status, what + "失败（HTTP " + status + "）" + engineMessage(response.body()));
    }
    try {
      return response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new EngineRestException(status, what + "：引擎的答复不是 JSON（" + request.uri() + "）");
    }
  }

  private static String engineMessage(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      String message = json.path("message").asText("");
      return message.isEmpty() ? "" : "：" + message;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
