package cn.faultaccountability.cases;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Our API's errors as JSON: {error, message, errors: [{field, message}]}, never a stack trace or a 5xx for bad input. */
@RestControllerAdvice(basePackages = "cn.faultaccountability")
public class ApiErrors {

  /** A case that does not exist or belongs to another jurisdiction: both look the same from outside. */
  public static class CaseNotFound extends RuntimeException {
    public CaseNotFound(String businessKey) {
      super("没有案件 " + businessKey + "，或您无权查看");
    }
  }

  /** The request is valid but the case is not in a state to take it (e.g. the review window closed). */
  public static class Conflict extends RuntimeException {
    private final Map<String, Object> details;

    public Conflict(String message, Map<String, Object> details) {
      super(message);
      this.details = details;
    }

    public Map<String, Object> details() {
      return details;
    }
  }

  public static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, String message,
      List<FieldError> errors) {
    return ResponseEntity.status(status).body(Map.of("error", error, "message", message, "errors", errors));
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
    return body(HttpStatus.BAD_REQUEST, "invalid_input", "输入有误：" + e.getMessage(), e.errors());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return body(HttpStatus.BAD_REQUEST, "malformed_json", "请求体不是有效的 JSON 或字段类型不符",
        List.of(new FieldError("body", rootMessage(e))));
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<Map<String, Object>> parameter(Exception e) {
    String field = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
        : ((MethodArgumentTypeMismatchException) e).getName();
    return body(HttpStatus.BAD_REQUEST, "invalid_input", "参数有误：" + field, List.of(new FieldError(field,
        e instanceof MissingServletRequestParameterException ? "必填" : "格式不正确")));
  }

  @ExceptionHandler(CaseNotFound.class)
  ResponseEntity<Map<String, Object>> notFound(CaseNotFound e) {
    return body(HttpStatus.NOT_FOUND, "not_found", e.getMessage(), List.of());
  }

  @ExceptionHandler(Conflict.class)
  ResponseEntity<Map<String, Object>> conflict(Conflict e) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("error", "conflict", "message", e.getMessage()));
    body.putAll(e.details);
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return body(HttpStatus.FORBIDDEN, "forbidden", "您没有执行此操作的权限", List.of());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage();
    // Jackson's message quotes the input and names Java types; keep the first line, which names the problem
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
