package cn.faultaccountability.cases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Structured process variables (parties, factors, measures) arrive as Spin JSON (engine REST, our API), as JSON text
 * (forms) or as Java collections (tests, delegates): one way to read them all, and one way to write them (Spin JSON).
 */
public final class JsonVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private JsonVariables() {}

  public static List<Map<String, Object>> list(Object value) {
    if (value == null) {
      return List.of();
    }
    return MAPPER.convertValue(tree(value), new TypeReference<>() {});
  }

  public static Map<String, Object> map(Object value) {
    if (value == null) {
      return Map.of();
    }
    return MAPPER.convertValue(tree(value), new TypeReference<>() {});
  }

  public static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    return MAPPER.convertValue(tree(value), new TypeReference<>() {});
  }

  /**
   * A map keyed by name, given either as a JSON object ({@code {"张三": ...}}) or as a form's list of rows
   * ({@code [{"party": "张三", "factors": [...]}]}, the shape a Camunda Form's dynamic list submits).
   */
  public static Map<String, Object> keyed(Object value, String keyField, String valueField) {
    if (value == null) {
      return Map.of();
    }
    Object tree = tree(value);
    if (tree instanceof com.fasterxml.jackson.databind.JsonNode node && node.isArray() || tree instanceof List<?>) {
      Map<String, Object> result = new java.util.LinkedHashMap<>();
      for (Map<String, Object> row : list(value)) {
        Object key = row.get(keyField);
        if (key == null || key.toString().isBlank()) {
          throw new IllegalArgumentException("有一行没有填写 " + keyField);
        }
        if (result.put(key.toString(), row.get(valueField)) != null) {
          throw new IllegalArgumentException("“" + key + "”填写了两次");
        }
      }
      return result;
    }
    return map(value);
  }

  public static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (Exception e) {
      throw new IllegalArgumentException("无法转换为 JSON：" + e.getMessage(), e);
    }
  }

  public static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Object tree(Object value) {
    try {
      if (value instanceof SpinJsonNode node) {
        return MAPPER.readTree(node.toString());
      }
      if (value instanceof JsonValue json) {
        return MAPPER.readTree(json.getValueSerialized());
      }
      if (value instanceof String text) {
        return MAPPER.readTree(text);
      }
      return value;
    } catch (Exception e) {
      throw new IllegalArgumentException("不是有效的 JSON：" + e.getMessage(), e);
    }
  }
}
