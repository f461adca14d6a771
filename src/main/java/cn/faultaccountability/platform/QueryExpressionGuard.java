package cn.faultaccountability.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda 7.24 CE evaluates expressions a caller puts into a task query's {@code orQueries}, even with expressions in
 * ad-hoc queries disabled, and CE receives no more patches. This guard refuses any task query — engine REST and the
 * webapps' own API alike, as parameters or JSON body — that carries an expression ({@code ${...}} or {@code #{...}}).
 * Stored filters keep theirs; only administrators may create them.
 */
public class QueryExpressionGuard extends OncePerRequestFilter {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final Pattern TASK_QUERY = Pattern.compile(".*/(task|history/task)(/count)?/?$"
      + "|.*/filter/[^/]+/(list|count|singleResult)/?$");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !TASK_QUERY.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString() == null ? "" : URLDecoder.decode(request.getQueryString(),
        StandardCharsets.UTF_8);
    byte[] body = request.getInputStream().readAllBytes();
    if (EXPRESSION.matcher(query).find() || EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"InvalidRequestException\",\"error\":\"expression_refused\","
          + "\"message\":\"任务查询中不允许使用表达式（Expressions are not allowed in task queries）\"}");
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /** The request with its body read once and served again to the API. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
