package cn.faultaccountability.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The webapps speak Chinese: our {@code app/<app>/locales/zh.json} has every key of the webjar's {@code en.json} (a
 * Camunda upgrade that adds keys fails here until tools/webapp-locales/build.py is run again), Chinese is the only
 * locale in each app's config.js, and every Tasklist label staff see is translated.
 */
class WebappLocalesTest {

  static final String APP = "META-INF/resources/webjars/camunda/app/";
  final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseHasEveryKeyAndIsTheOnlyLocale(String app) throws IOException {
    JsonNode en = read(APP + app + "/locales/en.json").get("labels");
    JsonNode zh = read(APP + app + "/locales/zh.json").get("labels");
    assertThat(paths(zh, "")).containsExactlyInAnyOrderElementsOf(paths(en, ""));
    String config = new String(new ClassPathResource(APP + app + "/scripts/config.js").getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(config).contains("availableLocales: ['zh']", "fallbackLocale: 'zh'");
  }

  @org.junit.jupiter.api.Test
  void everyTasklistLabelIsTranslated() throws IOException {
    JsonNode en = read(APP + "tasklist/locales/en.json").get("labels");
    JsonNode zh = read(APP + "tasklist/locales/zh.json").get("labels");
    List<String> untranslated = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      String english = label.getValue().asText();
      // symbols such as "<=" need no translation
      if (english.matches(".*[A-Za-z]{2,}.*") && english.equals(zh.get(label.getKey()).asText())) {
        untranslated.add(label.getKey());
      }
    }
    assertThat(untranslated).isEmpty();
  }

  private JsonNode read(String resource) throws IOException {
    // the webjar's en.json starts with a byte order mark
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return mapper.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static List<String> paths(JsonNode node, String prefix) {
    List<String> result = new ArrayList<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> result.addAll(paths(e.getValue(), prefix + "/" + e.getKey())));
    } else {
      result.add(prefix);
    }
    return result;
  }
}
