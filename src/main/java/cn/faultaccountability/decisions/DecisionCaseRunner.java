package cn.faultaccountability.decisions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.DmnHitPolicyException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.spin.Spin;

/**
 * Evaluates every case of the case files with the Camunda DMN engine and tracks which rules the cases hit.
 *
 * <p>The engine evaluates as the process engine's does: FEEL-Scala through {@link CachingFeelEngine} (the Spin
 * plugin's FEEL value mapper is found on the classpath). Inputs are Java values as inside the process: lists → {@code List<String>},
 * {@code YYYY-MM-DD} → {@code java.util.Date} at local midnight, numbers, booleans, and null for every contract input
 * the case does not list. A case with a list input is evaluated a second time with the list as a Spin JSON array —
 * what a {@code Json} variable over the REST API becomes — and must hit the same rules.
 */
public final class DecisionCaseRunner {

  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome of one case: no problems means it passed. */
  public record CaseRun(String label, String article, List<Problem> problems, Set<String> hitRules) {
    public boolean passed() {
      return problems.isEmpty();
    }
  }

  /**
   * All that was found for one table and its case file.
   *
   * @param fileProblems     the table or case file cannot be used as such (unreadable, no case file, unknown names)
   * @param coverageProblems one per rule that no case hits
   */
  public record TableRun(String tenant, String key, String tableFile, String caseFile, List<Problem> fileProblems,
      List<CaseRun> cases, List<Problem> coverageProblems) {

    public List<Problem> allProblems() {
      List<Problem> all = new ArrayList<>(fileProblems);
      cases.forEach(c -> all.addAll(c.problems()));
      all.addAll(coverageProblems);
      return all;
    }
  }

  private final DecisionContracts contracts;
  private final RuleRecorder recorder = new RuleRecorder();
  private final DmnEngine engine;
  private final Path shownFrom;

  public DecisionCaseRunner(DecisionContracts contracts) {
    this(contracts, Path.of("").toAbsolutePath());
  }

  /** @param shownFrom file names in reports are shown relative to this folder */
  public DecisionCaseRunner(DecisionContracts contracts, Path shownFrom) {
    this.contracts = contracts;
    this.shownFrom = shownFrom.toAbsolutePath().normalize();
    DefaultDmnEngineConfiguration configuration = CachingFeelEngineFactory.standaloneConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
    this.engine = configuration.buildEngine();
  }

  /** The tenant folders under the decisions folder (every folder holding a .dmn file or a cases folder). */
  public static List<String> tenants(Path decisionsDir) throws IOException {
    if (!Files.isDirectory(decisionsDir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(decisionsDir)) {
      return children.filter(Files::isDirectory)
          .filter(d -> !d.getFileName().toString().startsWith("."))
          .filter(d -> hasTables(d) || Files.isDirectory(d.resolve("cases")))
          .map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean hasTables(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".dmn"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs every table of the tenant (or of every tenant when {@code tenant} is empty). */
  public List<TableRun> run(Path decisionsDir, Optional<String> tenant) throws IOException {
    List<TableRun> runs = new ArrayList<>();
    for (String t : tenant.map(List::of).orElseGet(() -> uncheckedTenants(decisionsDir))) {
      runs.addAll(runTenant(decisionsDir, t));
    }
    return runs;
  }

  private static List<String> uncheckedTenants(Path decisionsDir) {
    try {
      return tenants(decisionsDir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every table of one tenant with its case file; a case file without a table is reported too. */
  public List<TableRun> runTenant(Path decisionsDir, String tenant) throws IOException {
    Path dir = decisionsDir.resolve(tenant);
    Set<String> keys = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".dmn"))
            .forEach(n -> keys.add(n.substring(0, n.length() - 4)));
      }
    }
    Set<String> caseKeys = new TreeSet<>();
    Path casesDir = dir.resolve("cases");
    if (Files.isDirectory(casesDir)) {
      try (Stream<Path> files = Files.list(casesDir)) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
            .forEach(n -> caseKeys.add(n.substring(0, n.lastIndexOf('.'))));
      }
    }
    List<TableRun> runs = new ArrayList<>();
    for (String key : keys) {
      runs.add(runTable(dir.resolve(key + ".dmn"), tenant));
    }
    for (String key : caseKeys) {
      if (!keys.contains(key)) {
        String caseFile = shown(caseFilePath(casesDir, key));
        runs.add(new TableRun(tenant, key, null, caseFile,
            List.of(new Problem(caseFile, "-", "案例文件没有对应的决策表 " + shown(dir.resolve(key + ".dmn")))),
            List.of(), List.of()));
      }
    }
    return runs;
  }

  private static Path caseFilePath(Path casesDir, String key) {
    Path yml = casesDir.resolve(key + ".yml");
    return Files.exists(yml) ? yml : casesDir.resolve(key + ".yaml");
  }

  /** One table with its case file {@code cases/<key>.yaml} beside it. */
  public TableRun runTable(Path tablePath, String tenant) {
    String tableShown = shown(tablePath);
    String fileName = tablePath.getFileName().toString();
    String key = fileName.substring(0, fileName.length() - 4);
    Path casePath = caseFilePath(tablePath.getParent().resolve("cases"), key);
    String caseShown = shown(casePath);
    List<Problem> fileProblems = new ArrayList<>();

    Optional<DecisionContract> contract = contracts.decision(key);
    if (contract.isEmpty()) {
      fileProblems.add(new Problem(tableShown, "-", "没有这个决策键：" + key + "（合同中的键："
          + String.join("、", contracts.decisions().keySet()) + "）"));
    }
    DecisionTableFile table;
    DmnDecision decision;
    try {
      table = DecisionTableFile.read(tablePath, tenant);
      decision = parseDecision(table, table.model());
    } catch (IOException | RuntimeException e) {
      fileProblems.add(new Problem(tableShown, "-", "决策表无法解析：" + DecisionTableFile.rootMessage(e)));
      return new TableRun(tenant, key, tableShown, caseShown, fileProblems, List.of(), List.of());
    }
    if (decision == null) {
      fileProblems.add(new Problem(tableShown, "-", "文件中没有 id 为 " + key + " 的决策表"));
      return new TableRun(tenant, key, tableShown, caseShown, fileProblems, List.of(), List.of());
    }
    if (!Files.exists(casePath)) {
      fileProblems.add(new Problem(tableShown, "-", "缺少案例文件 " + caseShown + "（每张表都要有案例）"));
      return new TableRun(tenant, key, tableShown, caseShown, fileProblems, List.of(),
          uncovered(table, tableShown, Set.of()));
    }
    DecisionCaseFile caseFile = DecisionCaseFile.read(casePath, caseShown);
    fileProblems.addAll(caseFile.problems());
    if (caseFile.decision() != null && !key.equals(caseFile.decision())) {
      fileProblems.add(new Problem(caseShown, "-", "decision: " + caseFile.decision() + " 与文件名 " + key + " 不一致"));
    }
    if (contract.isEmpty()) {
      return new TableRun(tenant, key, tableShown, caseShown, fileProblems, List.of(), List.of());
    }

    boolean unique = HitPolicy.UNIQUE.equals(table.table().getHitPolicy());
    DmnDecision collectCopy = unique ? collectCopy(table) : null;
    List<CaseRun> cases = new ArrayList<>();
    Set<String> hit = new LinkedHashSet<>();
    for (DecisionCaseFile.DecisionCase c : caseFile.cases()) {
      CaseRun run = runCase(contract.get(), unique, decision, collectCopy, c, caseShown, tableShown);
      hit.addAll(run.hitRules());
      cases.add(run);
    }
    boolean casesUsable = caseFile.problems().isEmpty();
    // a broken case file would list every rule as uncovered; its own problems say enough
    List<Problem> coverage = casesUsable ? uncovered(table, tableShown, hit) : List.of();
    return new TableRun(tenant, key, tableShown, caseShown, fileProblems, cases, coverage);
  }

  private DmnDecision parseDecision(DecisionTableFile table, DmnModelInstance model) {
    Decision wanted = table.decision();
    if (wanted == null || table.table() == null) {
      return null;
    }
    return engine.parseDecisions(model).stream().filter(d -> wanted.getId().equals(d.getKey())).findFirst()
        .orElse(null);
  }

  /** The same table with hit policy COLLECT: names all rules a case matches when a UNIQUE table overlaps. */
  private DmnDecision collectCopy(DecisionTableFile table) {
    DmnModelInstance copy = table.freshModel();
    Decision wanted = table.decision();
    DecisionTable copyTable = (DecisionTable) copy.<Decision>getModelElementById(wanted.getId()).getExpression();
    copyTable.setHitPolicy(HitPolicy.COLLECT);
    return parseDecision(table, copy);
  }

  private List<Problem> uncovered(DecisionTableFile table, String tableShown, Set<String> hit) {
    List<Problem> problems = new ArrayList<>();
    for (DecisionTableFile.TableRule rule : table.rules()) {
      if (!hit.contains(rule.id())) {
        problems.add(new Problem(tableShown, rule.label(), "没有任何案例命中此规则（注释："
            + Objects.requireNonNullElse(rule.description(), "无") + "）"));
      }
    }
    return problems;
  }

  private CaseRun runCase(DecisionContract contract, boolean unique, DmnDecision decision, DmnDecision collectCopy,
      DecisionCaseFile.DecisionCase c, String caseShown, String tableShown) {
    List<Problem> problems = new ArrayList<>();
    String where = c.label();

    // names first: a misspelt input would silently be null and the case would test nothing
    for (String name : c.given().keySet()) {
      if (contract.input(name).isEmpty()) {
        problems.add(new Problem(caseShown, where, "未知输入 " + name + "（" + contract.key() + " 的输入："
            + String.join("、", contract.inputNames()) + "）"));
      }
    }
    for (Map<String, Object> expected : c.results()) {
      for (String name : expected.keySet()) {
        if (contract.output(name).isEmpty()) {
          problems.add(new Problem(caseShown, where, "未知输出 " + name + "（" + contract.key() + " 的输出："
              + String.join("、", contract.outputNames()) + "）"));
        }
      }
    }
    if (unique && c.kind() == DecisionCaseFile.ExpectKind.LIST) {
      problems.add(new Problem(caseShown, where,
          contract.key() + " 是 UNIQUE 表：expect 应为一个 { 输出名: 值 } 或 none，而不是列表"));
    }
    if (!unique && c.kind() == DecisionCaseFile.ExpectKind.SINGLE) {
      problems.add(new Problem(caseShown, where,
          contract.key() + " 是 COLLECT 表：expect 应为结果列表（- { … }）或 []"));
    }
    CaseVariables variables = variables(contract, c);
    variables.problems().forEach(p -> problems.add(new Problem(caseShown, where, p)));
    if (!problems.isEmpty()) {
      return new CaseRun(where, c.article(), problems, Set.of());
    }
    Map<String, Object> javaInputs = variables.java();
    Map<String, Object> jsonInputs = variables.json();
    boolean hasList = jsonInputs != null;

    Evaluation java = evaluate(decision, collectCopy, javaInputs);
    Set<String> hitRules = new LinkedHashSet<>(java.ruleIds());
    if (java.error() != null) {
      problems.add(new Problem(caseShown, where, java.error()));
    } else {
      compare(c, java.results(), caseShown, where, problems);
    }
    if (hasList) {
      Evaluation json = evaluate(decision, collectCopy, jsonInputs);
      hitRules.addAll(json.ruleIds());
      if (java.error() == null && !Objects.equals(json.error(), null)) {
        problems.add(new Problem(caseShown, where, "列表以 JSON 数组传入（REST 的 Json 值）时出错：" + json.error()));
      } else if (java.error() == null && !json.ruleIds().equals(java.ruleIds())) {
        problems.add(new Problem(caseShown, where, "列表以 JSON 数组传入（REST 的 Json 值）时命中规则 "
            + json.ruleIds() + "，以 Java 列表传入时命中 " + java.ruleIds()
            + "；列表输入不能写 typeRef，条目应使用 list contains(?, \"…\")"));
      }
    }
    return new CaseRun(where, c.article(), problems, hitRules);
  }

  /**
   * The variables a case passes, one per contract input (null for those it does not list).
   *
   * @param java     Java values, as inside the process
   * @param json     the same with every list as a Spin JSON array (what a {@code Json} variable over REST becomes), or
   *                 null when the case has no list input
   * @param problems inputs that cannot be converted (then {@code java} and {@code json} are incomplete)
   */
  public record CaseVariables(Map<String, Object> java, Map<String, Object> json, List<String> problems) {}

  public static CaseVariables variables(DecisionContract contract, DecisionCaseFile.DecisionCase c) {
    Map<String, Object> javaInputs = new LinkedHashMap<>();
    Map<String, Object> jsonInputs = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    boolean hasList = false;
    for (DecisionContract.Input input : contract.inputs()) {
      Object raw = c.given().get(input.name());
      try {
        Object value = toJava(input, raw);
        javaInputs.put(input.name(), value);
        if (value instanceof List<?> list) {
          hasList = true;
          jsonInputs.put(input.name(), Spin.JSON(JSON.writeValueAsString(list)));
        } else {
          jsonInputs.put(input.name(), value);
        }
      } catch (IllegalArgumentException | JsonProcessingException e) {
        problems.add("输入 " + input.name() + "：" + e.getMessage());
      }
    }
    return new CaseVariables(javaInputs, hasList ? jsonInputs : null, problems);
  }

  /** Result of one evaluation: the matched rules with their outputs, or what went wrong. */
  private record Evaluation(List<String> ruleIds, List<Map<String, Object>> results, String error) {
  }

  private Evaluation evaluate(DmnDecision decision, DmnDecision collectCopy, Map<String, Object> inputs) {
    VariableMap variables = Variables.createVariables();
    inputs.forEach(variables::putValue);
    recorder.clear();
    try {
      engine.evaluateDecisionTable(decision, variables);
      DmnDecisionTableEvaluationEvent event = recorder.last();
      List<String> ids = new ArrayList<>();
      List<Map<String, Object>> results = new ArrayList<>();
      if (event != null) {
        for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
          ids.add(rule.getId());
          Map<String, Object> outputs = new LinkedHashMap<>();
          for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
            outputs.put(output.getOutputName(), output.getValue() == null ? null : output.getValue().getValue());
          }
          results.add(outputs);
        }
      }
      return new Evaluation(ids, results, null);
    } catch (DmnHitPolicyException e) {
      List<String> overlapping = List.of();
      if (collectCopy != null) {
        recorder.clear();
        engine.evaluateDecisionTable(collectCopy, variables);
        overlapping = recorder.last() == null ? List.of()
            : recorder.last().getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
      }
      return new Evaluation(overlapping, List.of(), "UNIQUE 表中规则 " + String.join("、", overlapping)
          + " 同时命中（规则重叠）");
    } catch (RuntimeException e) {
      return new Evaluation(List.of(), List.of(), "引擎求值失败：" + DecisionTableFile.rootMessage(e));
    }
  }

  private void compare(DecisionCaseFile.DecisionCase c, List<Map<String, Object>> actual, String file, String where,
      List<Problem> problems) {
    mismatch(c, actual).ifPresent(reason -> problems.add(new Problem(file, where, reason)));
  }

  /**
   * Compares what a case expects with the results of an evaluation (each result: output name → value), as the case
   * file format says: only the listed outputs count, and the number of results must be exactly right.
   *
   * @return the reason in plain words, or empty when they agree
   */
  public static Optional<String> mismatch(DecisionCaseFile.DecisionCase c, List<Map<String, Object>> actual) {
    List<Map<String, Object>> expected = c.results();
    String actualText = actual.isEmpty() ? "没有规则命中" : describe(actual);
    if (expected.size() != actual.size()) {
      String expectedText = expected.isEmpty() ? "没有规则命中" : describe(expected);
      return Optional.of("期望 " + expected.size() + " 个结果 " + expectedText
          + "，实际 " + actual.size() + " 个：" + actualText + "（依据 " + c.article() + "）");
    }
    if (match(expected, actual) == null) {
      return Optional.of("期望 " + describe(expected) + "，实际 " + actualText + "（依据 " + c.article() + "）");
    }
    return Optional.empty();
  }

  /** A perfect matching of expected to actual results (results of a COLLECT table come in any order), or null. */
  private static int[] match(List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
    int[] actualOwner = new int[actual.size()];
    java.util.Arrays.fill(actualOwner, -1);
    for (int e = 0; e < expected.size(); e++) {
      if (!augment(e, expected, actual, actualOwner, new boolean[actual.size()])) {
        return null;
      }
    }
    return actualOwner;
  }

  private static boolean augment(int e, List<Map<String, Object>> expected, List<Map<String, Object>> actual,
      int[] owner, boolean[] seen) {
    for (int a = 0; a < actual.size(); a++) {
      if (!seen[a] && fits(expected.get(e), actual.get(a))) {
        seen[a] = true;
        if (owner[a] < 0 || augment(owner[a], expected, actual, owner, seen)) {
          owner[a] = e;
          return true;
        }
      }
    }
    return false;
  }

  /** Only the output names the case lists are compared. */
  private static boolean fits(Map<String, Object> expected, Map<String, Object> actual) {
    for (Map.Entry<String, Object> entry : expected.entrySet()) {
      if (!actual.containsKey(entry.getKey()) || !sameValue(entry.getValue(), actual.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  static boolean sameValue(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    if (expected instanceof Number e && actual instanceof Number a) {
      return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
    }
    if (expected instanceof Boolean || actual instanceof Boolean) {
      return expected.equals(actual);
    }
    return String.valueOf(expected).equals(String.valueOf(actual));
  }

  private static String describe(List<Map<String, Object>> results) {
    return results.stream().map(r -> r.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining(", ", "{ ", " }"))).collect(Collectors.joining(" ", "[ ", " ]"));
  }

  /** YAML value → the Java value the process would pass, checked against the contract's input type. */
  public static Object toJava(DecisionContract.Input input, Object raw) {
    if (raw == null) {
      return null;
    }
    switch (input.type()) {
      case "list" -> {
        if (!(raw instanceof List<?> list)) {
          throw new IllegalArgumentException("应为列表，例如 [MINOR_VIOLATION, SELF_CORRECTED]，而不是 " + raw);
        }
        List<String> codes = new ArrayList<>();
        for (Object item : list) {
          if (!(item instanceof String s)) {
            throw new IllegalArgumentException("列表中应为代码（字符串），而不是 " + item);
          }
          codes.add(s);
        }
        return codes;
      }
      case "date" -> {
        if (!(raw instanceof String s) || !DATE.matcher(s).matches()) {
          throw new IllegalArgumentException("应为日期 YYYY-MM-DD，而不是 " + raw);
        }
        try {
          // local midnight, as a date picked in a form arrives in the process
          return Date.from(LocalDate.parse(s).atStartOfDay(ZoneId.systemDefault()).toInstant());
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("不是有效日期：" + s);
        }
      }
      case "boolean" -> {
        if (!(raw instanceof Boolean)) {
          throw new IllegalArgumentException("应为 true 或 false，而不是 " + raw);
        }
        return raw;
      }
      case "integer" -> {
        if (!(raw instanceof Integer || raw instanceof Long)) {
          throw new IllegalArgumentException("应为整数，而不是 " + raw);
        }
        return raw;
      }
      case "number" -> {
        if (!(raw instanceof Number)) {
          throw new IllegalArgumentException("应为数字，而不是 " + raw);
        }
        return raw;
      }
      default -> {
        if (raw instanceof List<?> || raw instanceof Map<?, ?>) {
          throw new IllegalArgumentException("应为单个值（代码），而不是 " + raw);
        }
        return String.valueOf(raw);
      }
    }
  }

  private String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(shownFrom) ? shownFrom.relativize(absolute).toString().replace('\\', '/')
        : absolute.toString();
  }

  /** Keeps the last decision-table evaluation event: its matching rules name the rules a case hit. */
  private static final class RuleRecorder implements DmnDecisionTableEvaluationListener {
    private DmnDecisionTableEvaluationEvent last;

    @Override
    public void notify(DmnDecisionTableEvaluationEvent event) {
      last = event;
    }

    void clear() {
      last = null;
    }

    DmnDecisionTableEvaluationEvent last() {
      return last;
    }
  }
}
