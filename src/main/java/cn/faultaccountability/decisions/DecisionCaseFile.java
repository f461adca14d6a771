package cn.faultaccountability.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One case file {@code decisions/<tenant>/cases/<decision-key>.yaml}: the cases a legal officer reads and extends
 * (format in {@code docs/decision-tables.md}). Structural mistakes are collected as problems, not thrown, so the
 * report names every broken case at once.
 */
public record DecisionCaseFile(Path path, String decision, List<DecisionCase> cases, List<Problem> problems) {

  /** What a case expects: no match, exactly one result (UNIQUE) or exactly this list of results (COLLECT). */
  public enum ExpectKind { NONE, SINGLE, LIST }

  /**
   * @param index   1-based position in the file, shown as {@code #3} because titles may repeat
   * @param given   the inputs as written (YAML values); inputs not listed are passed as null
   * @param results the expected results; only the listed output names are compared
   */
  public record DecisionCase(int index, String title, String article, Map<String, Object> given, ExpectKind kind,
      List<Map<String, Object>> results) {

    /** How the case is named in reports: {@code #3「title」}. */
    public String label() {
      return "#" + index + "「" + title + "」";
    }
  }

  private static final Set<String> CASE_KEYS = Set.of("case", "article", "given", "expect");

  public static DecisionCaseFile read(Path path, String shownAs) {
    List<Problem> problems = new ArrayList<>();
    Object root;
    try (InputStream in = Files.newInputStream(path)) {
      root = YamlSupport.load(in);
    } catch (IOException e) {
      problems.add(new Problem(shownAs, "-", "无法读取案例文件：" + e.getMessage()));
      return new DecisionCaseFile(path, null, List.of(), problems);
    } catch (RuntimeException e) {
      problems.add(new Problem(shownAs, "-", "YAML 格式错误：" + oneLine(e.getMessage())));
      return new DecisionCaseFile(path, null, List.of(), problems);
    }
    if (!(root instanceof Map<?, ?> top)) {
      problems.add(new Problem(shownAs, "-", "案例文件应以 decision: 和 cases: 开头"));
      return new DecisionCaseFile(path, null, List.of(), problems);
    }
    for (Object key : top.keySet()) {
      if (!"decision".equals(key) && !"cases".equals(key)) {
        problems.add(new Problem(shownAs, "-", "未知的顶层字段 " + key + "（只允许 decision、cases）"));
      }
    }
    String decision = top.get("decision") == null ? null : String.valueOf(top.get("decision"));
    if (decision == null) {
      problems.add(new Problem(shownAs, "-", "缺少 decision:（决策键，例如 circumstances）"));
    }
    List<DecisionCase> cases = new ArrayList<>();
    if (!(top.get("cases") instanceof List<?> items) || items.isEmpty()) {
      problems.add(new Problem(shownAs, "-", "缺少 cases:，或其中没有任何案例"));
      return new DecisionCaseFile(path, decision, cases, problems);
    }
    int index = 0;
    for (Object item : items) {
      index++;
      DecisionCase parsed = parseCase(index, item, shownAs, problems);
      if (parsed != null) {
        cases.add(parsed);
      }
    }
    return new DecisionCaseFile(path, decision, List.copyOf(cases), problems);
  }

  private static DecisionCase parseCase(int index, Object item, String file, List<Problem> problems) {
    String where = "#" + index;
    if (!(item instanceof Map<?, ?> c)) {
      problems.add(new Problem(file, where, "案例应为映射（case、article、given、expect）"));
      return null;
    }
    String title = c.get("case") == null ? null : String.valueOf(c.get("case")).trim();
    if (title == null || title.isEmpty()) {
      problems.add(new Problem(file, where, "缺少 case:（中文标题）"));
      return null;
    }
    where = "#" + index + "「" + title + "」";
    boolean ok = true;
    for (Object key : c.keySet()) {
      if (!CASE_KEYS.contains(String.valueOf(key))) {
        problems.add(new Problem(file, where, "未知字段 " + key + "（只允许 case、article、given、expect）"));
        ok = false;
      }
    }
    String article = c.get("article") == null ? null : String.valueOf(c.get("article")).trim();
    if (article == null || article.isEmpty()) {
      problems.add(new Problem(file, where, "缺少 article:（本案例检验的条文，例如 吉林市办法第十一条第（二）项）"));
      ok = false;
    }
    Map<String, Object> given = new LinkedHashMap<>();
    Object rawGiven = c.get("given");
    if (rawGiven instanceof Map<?, ?> g) {
      g.forEach((k, v) -> given.put(String.valueOf(k), v));
    } else if (rawGiven != null) {
      problems.add(new Problem(file, where, "given: 应为“输入名: 值”的映射"));
      ok = false;
    }
    if (!c.containsKey("expect")) {
      problems.add(new Problem(file, where, "缺少 expect:（期望结果；没有规则命中时写 none 或 []）"));
      return null;
    }
    Object expect = c.get("expect");
    ExpectKind kind;
    List<Map<String, Object>> results = new ArrayList<>();
    if (expect == null || "none".equals(expect)) {
      kind = ExpectKind.NONE;
    } else if (expect instanceof Map<?, ?> single) {
      kind = ExpectKind.SINGLE;
      results.add(stringKeys(single));
    } else if (expect instanceof List<?> list) {
      kind = list.isEmpty() ? ExpectKind.NONE : ExpectKind.LIST;
      for (Object r : list) {
        if (r instanceof Map<?, ?> m) {
          results.add(stringKeys(m));
        } else {
          problems.add(new Problem(file, where, "expect: 列表中的每一项应为 { 输出名: 值 }，而不是 " + r));
          ok = false;
        }
      }
    } else {
      problems.add(new Problem(file, where, "expect: 应为 none、一个 { 输出名: 值 } 或它们的列表，而不是 " + expect));
      return null;
    }
    return ok ? new DecisionCase(index, title, article, given, kind, List.copyOf(results)) : null;
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(String.valueOf(k), v));
    return result;
  }

  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    // SnakeYAML spreads "line N, column M" and a snippet over several lines: keep them, on one line
    return message.replaceAll("\\s+", " ").trim();
  }
}
