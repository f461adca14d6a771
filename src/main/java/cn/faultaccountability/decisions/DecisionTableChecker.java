package cn.faultaccountability.decisions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.BuiltinAggregator;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.feel.api.FailedParseResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * The check an administrator runs before deploying a revised table (and the build runs on every change): parses each
 * table, checks it against its contract and the house conventions, looks for overlapping rules in UNIQUE tables, and
 * runs the case files with rule coverage. Every finding is one {@link Problem}: {@code file · rule · reason}.
 */
public final class DecisionTableChecker {

  static final String DMN13_NAMESPACE = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  static final String CAMUNDA_NAMESPACE = "http://camunda.org/schema/1.0/dmn";

  /** What Camunda Modeler generates for a new rule: to be replaced by a meaningful id. */
  private static final Pattern GENERATED_ID = Pattern.compile("^(DecisionRule|Rule|rule)_[0-9a-z]{7}$");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern ISO_DURATION =
      Pattern.compile("^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$");
  private static final Pattern STRING_LITERAL = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"$");
  private static final String NUMERAL = "[零〇一二三四五六七八九十百]+";
  private static final String ITEM = "[零〇一二三四五六七八九十百0-9]+";
  private static final String LOCAL_DEFAULT = "本地默认";

  /** FEEL words and built-in function name parts that may appear in a computed input expression. */
  private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "and", "or", "not", "null", "true",
      "false", "in", "between", "some", "every", "satisfies", "for", "return", "instance", "of", "function", "date",
      "time", "duration", "years", "months", "days", "list", "contains", "count", "min", "max", "sum", "mean", "all",
      "any", "sublist", "append", "concatenate", "insert", "before", "after", "remove", "reverse", "index", "union",
      "distinct", "values", "flatten", "product", "median", "stddev", "mode", "string", "length", "upper", "lower",
      "case", "substring", "starts", "ends", "with", "matches", "replace", "split", "number", "decimal", "floor",
      "ceiling", "round", "up", "down", "half", "abs", "modulo", "sqrt", "log", "exp", "odd", "even", "is", "defined",
      "get", "value", "entries", "context", "put", "merge", "day", "week", "month", "year", "now", "today", "last",
      "boolean", "trim", "sort", "join", "partition", "weekday", "hour", "minute", "second");

  private final DecisionContracts contracts;
  private final Path shownFrom;
  private final FeelEngineApi feel = FeelEngineBuilder.create().build();

  public DecisionTableChecker(DecisionContracts contracts, Path shownFrom) {
    this.contracts = contracts;
    this.shownFrom = shownFrom.toAbsolutePath().normalize();
  }

  /**
   * Checks one tenant's folder, or every tenant folder when {@code tenant} is empty.
   *
   * @param decisionsDir the decisions folder (holding {@code <tenant>/} folders)
   */
  public List<Problem> check(Path decisionsDir, Optional<String> tenant) throws IOException {
    List<Problem> problems = new ArrayList<>();
    List<String> tenants;
    if (tenant.isPresent()) {
      tenants = List.of(tenant.get());
    } else {
      tenants = DecisionCaseRunner.tenants(decisionsDir);
      if (tenants.isEmpty()) {
        problems.add(new Problem(shown(decisionsDir), "-", "没有任何辖区的决策表"));
      }
    }
    for (String t : tenants) {
      problems.addAll(checkTenant(decisionsDir, t));
    }
    return problems;
  }

  /** Every table of the tenant, the tables its contracts require, and its case files. */
  public List<Problem> checkTenant(Path decisionsDir, String tenant) throws IOException {
    List<Problem> problems = new ArrayList<>();
    Path dir = decisionsDir.resolve(tenant);
    DecisionContracts.Tenant known = contracts.tenants().get(tenant);
    if (known == null) {
      problems.add(new Problem(shown(dir), "-", "未知辖区 " + tenant + "（已知：" + String.join("、",
          contracts.tenants().keySet()) + "）"));
      return problems;
    }
    if (!Files.isDirectory(dir)) {
      problems.add(new Problem(shown(dir), "-", "没有辖区目录"));
      return problems;
    }
    Set<String> present = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".dmn")).sorted()
          .forEach(n -> present.add(n.substring(0, n.length() - 4)));
    }
    for (DecisionContract contract : contracts.decisionsOf(tenant)) {
      if (!present.contains(contract.key())) {
        problems.add(new Problem(shown(dir.resolve(contract.key() + ".dmn")), "-",
            "缺少决策表：" + known.name() + "需要 " + contract.key() + "（" + contract.name() + "）"));
      }
    }
    Set<String> unreadable = new HashSet<>();
    for (String key : present) {
      Path file = dir.resolve(key + ".dmn");
      List<Problem> tableProblems = checkTable(file, tenant, known);
      if (tableProblems.stream().anyMatch(p -> p.reason().startsWith("XML 错误"))) {
        unreadable.add(shown(file));
      }
      problems.addAll(tableProblems);
    }
    // the cases, with coverage; a table that cannot be read has been reported above
    DecisionCaseRunner runner = new DecisionCaseRunner(contracts, shownFrom);
    for (DecisionCaseRunner.TableRun run : runner.runTenant(decisionsDir, tenant)) {
      if (run.tableFile() != null && unreadable.contains(run.tableFile())) {
        continue;
      }
      problems.addAll(run.allProblems());
    }
    return problems;
  }

  /** The static checks of one table file (no cases). */
  public List<Problem> checkTable(Path file, String tenant, DecisionContracts.Tenant known) {
    String shown = shown(file);
    List<Problem> problems = new ArrayList<>();
    DecisionTableFile table;
    try {
      table = DecisionTableFile.read(file, tenant);
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(shown, "-", "XML 错误：" + DecisionTableFile.rootMessage(e)));
      return problems;
    }
    Optional<DecisionContract> found = contracts.decision(table.key());
    if (found.isEmpty()) {
      problems.add(new Problem(shown, "-", "文件名不是已知的决策键：" + table.key() + "（已知："
          + String.join("、", contracts.decisions().keySet()) + "）"));
      return problems;
    }
    DecisionContract contract = found.get();
    if (!contract.appliesTo(tenant)) {
      problems.add(new Problem(shown, "-", contract.key() + " 不适用于 " + tenant + "（只适用于 "
          + String.join("、", contract.tenants()) + "）"));
    }
    checkDefinitions(table, tenant, contract, shown, problems);
    DecisionTable decisionTable = table.table();
    if (decisionTable == null) {
      problems.add(new Problem(shown, "-", "没有 id 为 " + contract.key() + " 的决策表（decision 中应为 decisionTable）"));
      return problems;
    }
    HitPolicy hitPolicy = decisionTable.getHitPolicy();
    if (!contract.hitPolicy().equals(hitPolicy.name())) {
      problems.add(new Problem(shown, "-", "命中策略应为 " + contract.hitPolicy() + "，而不是 " + hitPolicy));
    }
    BuiltinAggregator aggregation = decisionTable.getAggregation();
    if (aggregation != null) {
      problems.add(new Problem(shown, "-", "COLLECT 不得带聚合（" + aggregation + "）：每条规则都要给出自己的结果"));
    }
    List<ColumnRole> inputs = checkInputs(table, contract, shown, problems);
    List<DecisionContract.Output> outputs = checkOutputs(table, contract, shown, problems);
    checkRules(table, contract, known, inputs, outputs, shown, problems);
    if (contract.isUnique() && HitPolicy.UNIQUE.equals(hitPolicy)) {
      checkOverlaps(table, inputs, shown, problems);
    }
    return problems;
  }

  private void checkDefinitions(DecisionTableFile table, String tenant, DecisionContract contract, String shown,
      List<Problem> problems) {
    String namespace = table.model().getDocument().getRootElement().getNamespaceURI();
    if (!DMN13_NAMESPACE.equals(namespace)) {
      problems.add(new Problem(shown, "-", "应使用 DMN 1.3 命名空间 " + DMN13_NAMESPACE + "，而不是 " + namespace));
    }
    Definitions definitions = table.model().getDefinitions();
    String expectedId = tenant + "_" + contract.key().replace('-', '_');
    if (!expectedId.equals(definitions.getId())) {
      problems.add(new Problem(shown, "-", "definitions 的 id 应为 " + expectedId + "，而不是 " + definitions.getId()));
    }
    if (!chinese(definitions.getName())) {
      problems.add(new Problem(shown, "-", "definitions 缺少中文 name"));
    }
    if (!CAMUNDA_NAMESPACE.equals(definitions.getNamespace())) {
      problems.add(new Problem(shown, "-", "definitions 的 namespace 应为 " + CAMUNDA_NAMESPACE));
    }
    if (table.decisions().size() != 1) {
      problems.add(new Problem(shown, "-", "每个文件只放一个决策，而文件中有 " + table.decisions().size() + " 个"));
    }
    Decision decision = table.decision();
    if (decision == null) {
      return;
    }
    if (!contract.key().equals(decision.getId())) {
      problems.add(new Problem(shown, "-", "decision 的 id（决策键）应为 " + contract.key() + "，而不是 " + decision.getId()));
    }
    if (!chinese(decision.getName())) {
      problems.add(new Problem(shown, "-", "decision 缺少中文 name（例如 " + contract.name() + "）"));
    }
    String versionTag = decision.getVersionTag();
    if (versionTag == null || versionTag.isBlank()) {
      problems.add(new Problem(shown, "-", "缺少 camunda:versionTag（写明条例版本，例如 " + tenant + "-2023）"));
    } else if (!versionTag.startsWith(tenant)) {
      problems.add(new Problem(shown, "-", "camunda:versionTag " + versionTag + " 应以辖区 " + tenant + " 开头"));
    }
    String ttl = decision.getCamundaHistoryTimeToLiveString();
    if (ttl == null || ttl.isBlank()) {
      problems.add(new Problem(shown, "-", "缺少 camunda:historyTimeToLive（例如 3650）"));
    }
  }

  /** How a table column relates to the contract: a contract input by name, or a computed column. */
  record ColumnRole(DecisionTableFile.Column column, DecisionContract.Input input, EntrySet.Domain domain,
      String vocabulary) {
  }

  private List<ColumnRole> checkInputs(DecisionTableFile table, DecisionContract contract, String shown,
      List<Problem> problems) {
    List<ColumnRole> roles = new ArrayList<>();
    Set<String> named = new LinkedHashSet<>();
    int lastIndex = -1;
    for (DecisionTableFile.Column column : table.inputs()) {
      String where = "输入列 " + (column.label() == null ? column.id() : column.label());
      if (!chinese(column.label())) {
        problems.add(new Problem(shown, where, "输入列缺少中文 label"));
      }
      String expression = column.expression();
      if (expression == null || expression.isBlank()) {
        problems.add(new Problem(shown, where, "输入列缺少表达式"));
        roles.add(new ColumnRole(column, null, EntrySet.Domain.OTHER, null));
        continue;
      }
      checkExpressionLanguage(column.expressionLanguage(), shown, where, problems);
      feelError(feel.parseExpression(expression)).ifPresent(error ->
          problems.add(new Problem(shown, where, "FEEL 表达式错误：" + error + "（" + expression + "）")));
      Optional<DecisionContract.Input> input = contract.input(expression);
      if (input.isPresent()) {
        DecisionContract.Input in = input.get();
        if (!named.add(in.name())) {
          problems.add(new Problem(shown, where, "输入 " + in.name() + " 出现了两列"));
        }
        int index = contract.inputs().indexOf(in);
        if (contract.orderedColumns() && index < lastIndex) {
          problems.add(new Problem(shown, where, "列的顺序应为 " + String.join("、", contract.inputNames())));
        }
        lastIndex = Math.max(lastIndex, index);
        checkInputTypeRef(in, column.typeRef(), shown, where, problems);
        roles.add(new ColumnRole(column, in, domainOf(in.type()), in.vocabulary()));
        continue;
      }
      if (IDENTIFIER.matcher(expression).matches()) {
        problems.add(new Problem(shown, where, "未知输入 " + expression + "（" + contract.key() + " 的输入："
            + String.join("、", contract.inputNames()) + "）"));
        roles.add(new ColumnRole(column, null, EntrySet.Domain.OTHER, null));
        continue;
      }
      // a computed column (e.g. the 2-year limitation): it may only read contract inputs
      String vocabulary = null;
      Matcher identifiers = IDENTIFIER.matcher(expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
      while (identifiers.find()) {
        String word = identifiers.group(1);
        Optional<DecisionContract.Input> used = contract.input(word);
        if (used.isPresent()) {
          vocabulary = vocabulary == null ? used.get().vocabulary() : vocabulary;
        } else if (!FEEL_WORDS.contains(word)) {
          problems.add(new Problem(shown, where, "计算列引用了合同以外的变量 " + word + "（" + contract.key()
              + " 的输入：" + String.join("、", contract.inputNames()) + "）"));
        }
      }
      for (String literal : EntrySet.stringLiterals(expression)) {
        if (vocabulary != null && !ISO_DURATION.matcher(literal).matches() && !isDateLiteral(literal)
            && !contracts.vocabulary().group(vocabulary).map(g -> g.contains(literal)).orElse(true)) {
          problems.add(new Problem(shown, where, "代码 \"" + literal + "\" 不在词汇表 " + vocabulary + " 中"));
        }
      }
      roles.add(new ColumnRole(column, null, domainOfTypeRef(column.typeRef()), null));
    }
    for (DecisionContract.Input input : contract.inputs()) {
      if (input.required() && !named.contains(input.name())) {
        problems.add(new Problem(shown, "-", "缺少输入列 " + input.name() + "（" + input.label() + "）"));
      }
    }
    return roles;
  }

  private static void checkInputTypeRef(DecisionContract.Input input, String typeRef, String shown, String where,
      List<Problem> problems) {
    String expected = switch (input.type()) {
      case "string" -> "string";
      case "boolean" -> "boolean";
      case "integer" -> "integer";
      default -> null;
    };
    if ("list".equals(input.type())) {
      if (typeRef != null && !typeRef.isBlank()) {
        problems.add(new Problem(shown, where, "列表输入 " + input.name() + " 不能写 typeRef（写了 typeRef=\"" + typeRef
            + "\"，列表匹配会失效）"));
      }
    } else if ("number".equals(input.type())) {
      if (!Set.of("integer", "long", "double").contains(String.valueOf(typeRef))) {
        problems.add(new Problem(shown, where, input.name() + " 的 typeRef 应为 integer 或 double，而不是 " + typeRef));
      }
    } else if ("date".equals(input.type())) {
      if (typeRef != null && !typeRef.isBlank() && !"date".equals(typeRef)) {
        problems.add(new Problem(shown, where, input.name() + " 的 typeRef 应为 date 或不写，而不是 " + typeRef));
      }
    } else if (!expected.equals(typeRef)) {
      problems.add(new Problem(shown, where, input.name() + " 的 typeRef 应为 " + expected + "，而不是 " + typeRef));
    }
  }

  private List<DecisionContract.Output> checkOutputs(DecisionTableFile table, DecisionContract contract, String shown,
      List<Problem> problems) {
    List<DecisionContract.Output> outputs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (DecisionTableFile.Column column : table.outputs()) {
      String name = column.expression();
      String where = "输出列 " + name;
      Optional<DecisionContract.Output> output = contract.output(name == null ? "" : name);
      if (output.isEmpty()) {
        problems.add(new Problem(shown, where, "未知输出名 " + name + "（" + contract.key() + " 的输出："
            + String.join("、", contract.outputNames()) + "）"));
        outputs.add(null);
        continue;
      }
      if (!seen.add(name)) {
        problems.add(new Problem(shown, where, "输出 " + name + " 出现了两列"));
      }
      if (!chinese(column.label())) {
        problems.add(new Problem(shown, where, "输出列缺少中文 label（例如 " + output.get().label() + "）"));
      }
      String expectedType = "boolean".equals(output.get().type()) ? "boolean" : "string";
      if (!expectedType.equals(column.typeRef())) {
        problems.add(new Problem(shown, where, name + " 的 typeRef 应为 " + expectedType + "，而不是 " + column.typeRef()));
      }
      outputs.add(output.get());
    }
    for (String name : contract.outputNames()) {
      if (!seen.contains(name)) {
        problems.add(new Problem(shown, "-", "缺少输出列 " + name));
      }
    }
    return outputs;
  }

  private void checkRules(DecisionTableFile table, DecisionContract contract, DecisionContracts.Tenant tenant,
      List<ColumnRole> inputs, List<DecisionContract.Output> outputs, String shown, List<Problem> problems) {
    Set<String> stagesCovered = new HashSet<>();
    for (DecisionTableFile.TableRule rule : table.rules()) {
      String where = rule.label();
      if (rule.id() == null || rule.id().isBlank()) {
        problems.add(new Problem(shown, where, "规则缺少 id"));
      } else if (GENERATED_ID.matcher(rule.id()).matches()) {
        problems.add(new Problem(shown, where, "规则 id 是自动生成的，请改为有意义的 id（例如 "
            + tenant.id() + "_art9_item5）"));
      }
      if (rule.description() == null || rule.description().isBlank()) {
        problems.add(new Problem(shown, where, "规则缺少注释（description：简要引用条文原文）"));
      }
      if (rule.inputEntries().size() != inputs.size() || rule.outputEntries().size() != outputs.size()) {
        problems.add(new Problem(shown, where, "规则的条目数与列数不符"));
        continue;
      }
      Map<String, String> inputTexts = new LinkedHashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        String text = rule.inputEntries().get(i);
        ColumnRole role = inputs.get(i);
        String column = role.input() != null ? role.input().name() : role.column().label();
        if (role.input() != null) {
          inputTexts.put(role.input().name(), text);
        }
        if (!text.isEmpty()) {
          feelError(feel.parseUnaryTests(text)).ifPresent(error ->
              problems.add(new Problem(shown, where, column + " 列的条目有 FEEL 错误：" + error + "（" + text + "）")));
        }
        if (role.vocabulary() != null) {
          for (String literal : EntrySet.stringLiterals(text)) {
            if (!contracts.vocabulary().group(role.vocabulary()).orElseThrow().contains(literal)) {
              problems.add(new Problem(shown, where, column + " 列的代码 \"" + literal + "\" 不在词汇表 "
                  + role.vocabulary() + " 中"));
            }
          }
        }
        if (role.input() != null && role.input().name().equals(contract.everyCodeOf())) {
          EntrySet set = EntrySet.parse(text, EntrySet.Domain.STRING);
          if (set.kind == EntrySet.Kind.STRING && !set.complement) {
            stagesCovered.addAll(set.strings);
          }
        }
      }
      Map<String, String> outputTexts = new LinkedHashMap<>();
      for (int i = 0; i < outputs.size(); i++) {
        DecisionContract.Output output = outputs.get(i);
        if (output == null) {
          continue;
        }
        String text = rule.outputEntries().get(i);
        outputTexts.put(output.name(), text);
        checkOutputEntry(output, text, contract, tenant, rule, shown, problems);
      }
      for (DecisionContract.Constraint constraint : contract.constraints()) {
        boolean applies = constraint.when().entrySet().stream()
            .allMatch(w -> literalValue(outputTexts.get(w.getKey())).map(w.getValue()::equals).orElse(false));
        if (!applies) {
          continue;
        }
        boolean met = constraint.inputEntry().entrySet().stream()
            .allMatch(e -> e.getValue().equals(inputTexts.get(e.getKey())))
            && constraint.outputEntry().entrySet().stream()
            .allMatch(e -> e.getValue().equals(outputTexts.get(e.getKey())));
        if (!met) {
          problems.add(new Problem(shown, where, constraint.reason()));
        }
      }
    }
    if (contract.everyCodeOf() != null) {
      String group = contract.input(contract.everyCodeOf()).map(DecisionContract.Input::vocabulary).orElseThrow();
      for (String code : contracts.vocabulary().group(group).orElseThrow().terms().keySet()) {
        if (!stagesCovered.contains(code)) {
          problems.add(new Problem(shown, "-", "缺少 " + contract.everyCodeOf() + " = " + code + "（"
              + contracts.vocabulary().term(group, code).orElse("") + "）的规则；条例未规定期限的，写本地默认"));
        }
      }
    }
  }

  private void checkOutputEntry(DecisionContract.Output output, String text, DecisionContract contract,
      DecisionContracts.Tenant tenant, DecisionTableFile.TableRule rule, String shown, List<Problem> problems) {
    String where = rule.label();
    String name = output.name();
    if (text.isEmpty()) {
      problems.add(new Problem(shown, where, "输出 " + name + " 为空"
          + (output.nullable() ? "（没有时写 null）" : "（每条规则都要写明）")));
      return;
    }
    if ("null".equals(text)) {
      if (!output.nullable()) {
        problems.add(new Problem(shown, where, "输出 " + name + " 不能为 null"));
      }
      return;
    }
    if ("boolean".equals(output.type())) {
      if (!"true".equals(text) && !"false".equals(text)) {
        problems.add(new Problem(shown, where, "输出 " + name + " 应为 true 或 false，而不是 " + text));
      }
      return;
    }
    Optional<String> literal = literalValue(text);
    if (literal.isEmpty()) {
      problems.add(new Problem(shown, where, "输出 " + name + " 应为带引号的字符串，例如 \"MAIN\"，而不是 " + text));
      return;
    }
    String value = literal.get();
    switch (output.type()) {
      case "duration" -> {
        if (!ISO_DURATION.matcher(value).matches()) {
          problems.add(new Problem(shown, where, "输出 " + name + " 应为 ISO-8601 期间，例如 \"P30D\"，而不是 " + text));
        }
      }
      case "basis" -> checkBasis(value, contract, tenant, rule, shown, problems);
      default -> {
        if (output.vocabulary() != null
            && !contracts.vocabulary().group(output.vocabulary()).orElseThrow().contains(value)) {
          problems.add(new Problem(shown, where, "输出 " + name + " 的代码 \"" + value + "\" 不在词汇表 "
              + output.vocabulary() + " 中"));
        }
      }
    }
  }

  /** One style everywhere: {@code 吉林市办法第九条第（五）项}; several joined by {@code 、}; or a local default. */
  private void checkBasis(String basis, DecisionContract contract, DecisionContracts.Tenant tenant,
      DecisionTableFile.TableRule rule, String shown, List<Problem> problems) {
    String where = rule.label();
    if (basis.startsWith(LOCAL_DEFAULT)) {
      if (!"statutory-deadlines".equals(contract.key())) {
        problems.add(new Problem(shown, where, "只有 statutory-deadlines 可以有本地默认；条例未规定的情形不写规则（由人决定）"));
      } else if (!basis.matches("^本地默认（.+）$")) {
        problems.add(new Problem(shown, where, "本地默认的依据应写成 本地默认（" + tenant.regulations().get(0)
            + "未规定期限），而不是 " + basis));
      } else if (rule.description() == null || !rule.description().contains("管理员")) {
        problems.add(new Problem(shown, where, "本地默认规则的注释应说明管理员可以修改该期限"));
      }
      return;
    }
    String regulations = String.join("|", tenant.regulations().stream().map(Pattern::quote).toList());
    String provision = "第" + NUMERAL + "条(?:第" + NUMERAL + "款)?(?:第（" + ITEM + "）项)?";
    String continuation = "、(?:(?:" + regulations + ")?" + provision + "|(?:第" + NUMERAL + "款)?第（" + ITEM + "）项|第"
        + NUMERAL + "款)";
    if (!basis.matches("^(?:" + regulations + ")" + provision + "(?:" + continuation + ")*$")) {
      problems.add(new Problem(shown, where, "依据格式应为 <条例简称>第X条[第X款][第（X）项]，条例简称为 "
          + String.join(" 或 ", tenant.regulations()) + "，例如 " + tenant.regulations().get(0)
          + "第九条第（五）项；而不是 " + basis));
    }
  }

  /** Pairs of rules of a UNIQUE table that some input matches both, decided from the entries alone. */
  private void checkOverlaps(DecisionTableFile table, List<ColumnRole> inputs, String shown, List<Problem> problems) {
    List<DecisionTableFile.TableRule> rules = table.rules().stream()
        .filter(r -> r.inputEntries().size() == inputs.size()).toList();
    List<List<EntrySet>> sets = new ArrayList<>();
    for (DecisionTableFile.TableRule rule : rules) {
      List<EntrySet> row = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        row.add(EntrySet.parse(rule.inputEntries().get(i), inputs.get(i).domain()));
      }
      sets.add(row);
    }
    for (int a = 0; a < rules.size(); a++) {
      for (int b = a + 1; b < rules.size(); b++) {
        boolean overlap = true;
        for (int i = 0; i < inputs.size() && overlap; i++) {
          Boolean meets = EntrySet.intersects(sets.get(a).get(i), sets.get(b).get(i));
          overlap = Boolean.TRUE.equals(meets);
        }
        if (overlap) {
          problems.add(new Problem(shown, rules.get(a).label() + "、" + rules.get(b).label(),
              "UNIQUE 表的两条规则重叠：同一输入可同时命中两者（" + describe(rules.get(a)) + " 与 " + describe(rules.get(b))
                  + "）"));
        }
      }
    }
  }

  private static String describe(DecisionTableFile.TableRule rule) {
    return String.join(" | ", rule.inputEntries().stream().map(e -> e.isEmpty() ? "-" : e).toList());
  }

  private static void checkExpressionLanguage(String language, String shown, String where, List<Problem> problems) {
    if (language != null && !language.isBlank() && !language.toLowerCase().contains("feel")) {
      problems.add(new Problem(shown, where, "表达式语言应为 FEEL，而不是 " + language));
    }
  }

  private static Optional<String> feelError(ParseResult result) {
    if (result.isSuccess()) {
      return Optional.empty();
    }
    String message = result instanceof FailedParseResult failed ? failed.failure().message() : "无法解析";
    return Optional.of(message.replaceAll("\\s+", " "));
  }

  private static Optional<String> literalValue(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = STRING_LITERAL.matcher(text.trim());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static boolean isDateLiteral(String literal) {
    return literal.matches("^\\d{4}-\\d{2}-\\d{2}.*");
  }

  private static boolean chinese(String text) {
    return text != null && CJK.matcher(text).find();
  }

  private static EntrySet.Domain domainOf(String contractType) {
    return switch (contractType) {
      case "string" -> EntrySet.Domain.STRING;
      case "boolean" -> EntrySet.Domain.BOOLEAN;
      case "integer" -> EntrySet.Domain.INTEGER;
      case "number" -> EntrySet.Domain.NUMBER;
      default -> EntrySet.Domain.OTHER;
    };
  }

  private static EntrySet.Domain domainOfTypeRef(String typeRef) {
    if (typeRef == null) {
      return EntrySet.Domain.OTHER;
    }
    return switch (typeRef) {
      case "string" -> EntrySet.Domain.STRING;
      case "boolean" -> EntrySet.Domain.BOOLEAN;
      case "integer", "long" -> EntrySet.Domain.INTEGER;
      case "double" -> EntrySet.Domain.NUMBER;
      default -> EntrySet.Domain.OTHER;
    };
  }

  private String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(shownFrom) ? shownFrom.relativize(absolute).toString().replace('\\', '/')
        : absolute.toString();
  }
}
