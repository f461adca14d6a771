package cn.faultaccountability.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost answer to a transient failure that nothing closer to the work translated: the authentication filters
 * (which look the user up in the database before any controller runs) and our controllers let it through, and the
 * servlet container would answer 500. Here it becomes 503 (database unavailable, with Retry-After) or 409 (a
 * concurrent update), in Chinese, as JSON: {@code /engine-rest} in the engine REST API's {type, message} shape, every
 * other path in our API's {error, message, errors} shape. Anything else passes on unchanged.
 */
public class TransientFailureFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(TransientFailureFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CommandFailures.clear();
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (response.isCommitted() || !answer(request, response, e)) {
        throw e;
      }
    } finally {
      CommandFailures.clear();
    }
  }

  private static boolean answer(HttpServletRequest request, HttpServletResponse response, Exception e)
      throws IOException {
    int status;
    String type;
    String message;
    if (TransientFailures.isDatabaseUnavailable(e)) {
      status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
      type = "database_unavailable";
      message = TransientFailures.DATABASE_UNAVAILABLE;
      response.setHeader("Retry-After", String.valueOf(TransientFailures.RETRY_AFTER_SECONDS));
      LOG.warn("数据库不可用，请求 {} {} 答复 503 / database unavailable: {}", request.getMethod(),
          request.getRequestURI(), rootMessage(e));
    } else if (TransientFailures.isOptimisticLockingConflict(e)) {
      status = HttpServletResponse.SC_CONFLICT;
      type = "concurrent_update";
      message = TransientFailures.CONCURRENT_UPDATE;
    } else {
      return false;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    String json = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")
        ? "{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}"
        : "{\"error\":\"" + type + "\",\"message\":\"" + message + "\",\"errors\":[]}";
    response.getWriter().write(json);
    return true;
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
