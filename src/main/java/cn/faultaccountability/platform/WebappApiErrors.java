package cn.faultaccountability.platform;

import cn.faultaccountability.cases.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' own engine API ({@code /camunda/api/engine/...}, Tasklist's) is a Jersey application of its own, out of
 * reach of what corrects engine REST's answers ({@link OtherTenantIsNotFound}, {@link EngineRestErrors}).
 * Found by TenantIsolationTest: another tenant's task asked for by id answered 500 with the engine's ENGINE-13034
 * message; a form refused by our rules answered 500. Here, on that API's 500 answers only: another tenant's thing
 * becomes 404 without the engine's message (it would confirm that the id exists), a refused input 400 with its Chinese
 * message (recognised by {@link InvalidInputException#CODE}). Every other answer passes unchanged.
 */
public class WebappApiErrors extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    if (wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
      String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
      if (body.contains(OtherTenantIsNotFound.ENGINE_TENANT_REFUSAL)) {
        replace(wrapper, HttpServletResponse.SC_NOT_FOUND, "{\"type\":\"NotFound\",\"message\":\""
            + TaskAttachmentGuard.NOT_FOUND + "\"}");
      } else if (code(body) == InvalidInputException.CODE) {
        wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
    }
    wrapper.copyBodyToResponse();
  }

  private static int code(String body) {
    try {
      JsonNode answer = JSON.readTree(body);
      return answer != null && answer.path("code").isInt() ? answer.path("code").asInt() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static void replace(ContentCachingResponseWrapper wrapper, int status, String body) throws IOException {
    wrapper.resetBuffer();
    wrapper.setStatus(status);
    wrapper.setContentType("application/json;charset=UTF-8");
    wrapper.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
