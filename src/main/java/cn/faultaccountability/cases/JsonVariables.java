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

  /** Separates party and code in a form's choice {@code 张三|COOPERATED} (a tag list of party-code pairs). */
  public static final String PAIR = "|";

  /**
   * A map keyed by party name, given as a JSON object ({@code {"张三": ...}}), as rows
   * ({@code [{"party": "张三", "factors": [...]}]}) or as a form's tag list of pairs ({@code ["张三|COOPERATED"]}).
   * {@code multiple}: each party has a list of codes (pairs are collected); else one code (a second one is an error).
   */
  public static Map<String, Object> keyed(Object value, String keyField, String valueField, boolean multiple) {
    if (value == null) {
      return Map.of();
    }
    Object tree = tree(value);
    if (!(tree instanceof com.fasterxml.jackson.databind.JsonNode node && node.isArray() || tree instanceof List<?>)) {
      return map(value);
    }
    Map<String, Object> result = new java.util.LinkedHashMap<>();
    for (Map<String, Object> row : rows(value, keyField, valueField)) {
      Object key = row.get(keyField);
      if (key == null || key.toString().isBlank()) {
        throw new IllegalArgumentException("有一项没有当事人");
      }
      Object code = row.get(valueField);
      if (multiple && !(code instanceof List<?>)) {
        @SuppressWarnings("unchecked")
        List<Object> codes = (List<Object>) result.computeIfAbsent(key.toString(), k -> new java.util.ArrayList<>());
        codes.add(code);
      } else if (result.put(key.toString(), code) != null) {
        throw new IllegalArgumentException("“" + key + "”填写了两次");
      }
    }
    return result;
  }

  /** Rows {party, code}: JSON objects as they are, and a form's pairs {@code "张三|WARNING"} split. */
  public static List<Map<String, Object>> rows(Object value, String keyField, String valueField) {
    if (value == null) {
      return List.of();
    }
    List<Object> items = MAPPER.convertValue(tree(value), new TypeReference<>() {});
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (Object item : items) {
      if (item instanceof String pair) {
        int at = pair.lastIndexOf(PAIR);
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put(keyField, at < 0 ? null : pair.substring(0, at));
        row.put(valueField, at < 0 ? pair : pair.substring(at + 1));
        rows.add(row);
      } else if (item instanceof Map<?, ?> map) {
        rows.add(MAPPER.convertValue(map, new TypeReference<Map<String, Object>>() {}));
      } else {
        throw new IllegalArgumentException("不是有效的条目：" + item);
      }
    }
    return rows;
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
