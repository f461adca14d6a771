package cn.faultaccountability.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * The webapps speak Chinese: our {@code app/<app>/locales/zh.json} has every key of the webjar's {@code en.json} (a
 * Camunda upgrade that adds keys fails here until tools/webapp-locales/build.py is run again), Chinese is the only
 * locale in each app's config.js, and every label of Tasklist, Cockpit, Admin and the welcome page is translated.
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

  /**
   * Every label of every app shows Chinese: a label whose Chinese text equals the English one must be listed with its
   * reason under {@code unchanged:} in tools/webapp-locales/zh.yaml (symbols, an empty text, a format pattern), so a
   * Camunda upgrade that adds or rewords labels fails here until they are translated.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyLabelIsTranslated(String app) throws IOException {
    JsonNode en = read(APP + app + "/locales/en.json").get("labels");
    JsonNode zh = read(APP + app + "/locales/zh.json").get("labels");
    Map<String, String> unchanged = unchangedOnPurpose();
    List<String> untranslated = new ArrayList<>();
    List<String> placeholdersChanged = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      String english = label.getValue().asText();
      String chinese = zh.get(label.getKey()).asText();
      if (english.equals(chinese) && !unchanged.containsKey(label.getKey())) {
        untranslated.add(label.getKey() + ": " + english);
      }
      if (!placeholders(english).equals(placeholders(chinese))) {
        placeholdersChanged.add(label.getKey() + ": " + chinese);
      }
    }
    assertThat(untranslated).as("labels of %s still in English (translate them in zh.yaml)", app).isEmpty();
    assertThat(placeholdersChanged).as("labels of %s whose {{placeholders}} differ from English", app).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void labelsKeptUnchangedOnPurposeExistAndHaveAReason() throws IOException {
    Map<String, String> unchanged = unchangedOnPurpose();
    List<String> everyKey = new ArrayList<>();
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      read(APP + app + "/locales/en.json").get("labels").fieldNames().forEachRemaining(everyKey::add);
    }
    assertThat(everyKey).containsAll(unchanged.keySet());
    assertThat(unchanged.values()).allMatch(reason -> reason != null && !reason.isBlank());
  }

  private static Map<String, String> unchangedOnPurpose() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("tools/webapp-locales/zh.yaml"))) {
      Map<String, Object> dictionary = new Yaml().load(in);
      Map<String, String> unchanged = new TreeMap<>();
      ((Map<?, ?>) dictionary.get("unchanged")).forEach((k, v) -> unchanged.put(k.toString(), String.valueOf(v)));
      return unchanged;
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("\\{\\{[^}]*}}").matcher(text);
    while (m.find()) {
      found.add(m.group().replaceAll("\\s", ""));
    }
    found.sort(null);
    return found;
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
