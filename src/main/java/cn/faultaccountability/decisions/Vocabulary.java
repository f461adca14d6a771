package cn.faultaccountability.decisions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The codes of SPEC §4 with their Chinese terms, grouped ({@code decisions/vocabulary.yaml}). A table may only use
 * codes listed here; forms take their Chinese labels from here.
 */
public final class Vocabulary {

  /** One group, e.g. {@code measures} (追究方式), with its codes in file order. */
  public record Group(String name, String label, Map<String, String> terms) {
    public boolean contains(String code) {
      return terms.containsKey(code);
    }
  }

  private final Map<String, Group> groups;

  Vocabulary(Map<String, Group> groups) {
    this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
  }

  public Map<String, Group> groups() {
    return groups;
  }

  public Optional<Group> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  /** The Chinese term of a code in a group, e.g. {@code term("measures", "WARNING")} → 警告/严重警告. */
  public Optional<String> term(String group, String code) {
    return group(group).map(g -> g.terms().get(code));
  }

  @SuppressWarnings("unchecked")
  static Vocabulary fromYaml(Object root, String source) {
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(source + "：词汇表应为“组名: {label, codes}”的映射");
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      if (!(entry.getValue() instanceof Map<?, ?> body) || !(body.get("codes") instanceof Map<?, ?> codes)) {
        throw new IllegalArgumentException(source + "：词汇组 " + name + " 缺少 codes");
      }
      Map<String, String> terms = new LinkedHashMap<>();
      for (Map.Entry<?, ?> code : codes.entrySet()) {
        if (!(code.getKey() instanceof String key) || !(code.getValue() instanceof String term) || term.isBlank()) {
          throw new IllegalArgumentException(source + "：词汇组 " + name + " 的代码 " + code.getKey() + " 缺少中文术语");
        }
        terms.put(key, term.trim());
      }
      Object label = body.get("label");
      groups.put(name, new Group(name, label == null ? name : String.valueOf(label), terms));
    }
    return new Vocabulary(groups);
  }
}
