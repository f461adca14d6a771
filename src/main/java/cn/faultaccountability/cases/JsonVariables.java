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
