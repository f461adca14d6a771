package cn.faultaccountability.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.yaml.snakeyaml.Yaml;

/**
 * The decision tables of a decisions folder with the inputs of their case files, and the comparison of a stock Camunda
 * DMN engine with the application's ({@link CachingFeelEngineFactory}) on them. Used by {@link StockEquivalenceTest}
 * and by the benchmark's {@code decisions} section.
 */
public final class StockComparison {

  /** One table with its cases; {@code casesWritten} is counted from the YAML itself, not from the parsed cases. */
  public record Table(String tenant, String key, Path dmn, DecisionContract contract, List<Case> cases,
      int casesWritten) {

    public String name() {
      return tenant + "/" + key;
    }
  }

  /**
   * One case's variables: the Java values, and for a case with a list input the same again with the list as a Spin
   * JSON array (what a {@code Json} variable over REST becomes).
   */
  public record Case(String label, List<Map<String, Object>> variants) {}

  /** What a caller can observe of one evaluation; equal outcomes mean identical behaviour. */
  public record Outcome(List<String> inputs, List<String> matchedRules, List<String> result, String failure) {}

  /**
   * How much was compared: cases, evaluations (variants and the all-null inputs included), and among the evaluations
   * those that matched at least one rule and those that failed.
   */
  public record Summary(int cases, int evaluations, int withMatches, int failures) {}

  private StockComparison() {}

  /** Every table that has a case file, of every tenant; a case file without table or contract is an error. */
  public static List<Table> tables(Path decisionsDir) throws IOException {
    DecisionContracts contracts = DecisionContracts.load(decisionsDir);
    List<Table> tables = new ArrayList<>();
    for (String tenant : DecisionCaseRunner.tenants(decisionsDir)) {
      for (Path caseFile : caseFiles(decisionsDir.resolve(tenant).resolve("cases"))) {
        DecisionCaseFile file = DecisionCaseFile.read(caseFile, caseFile.toString());
        if (!file.problems().isEmpty()) {
          throw new IllegalStateException(caseFile + ": " + file.problems());
        }
        String key = caseFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path dmn = decisionsDir.resolve(tenant).resolve(key + ".dmn");
        if (!Files.exists(dmn)) {
          throw new IllegalStateException(caseFile + ": no table " + dmn);
        }
        DecisionContract contract = contracts.decision(key)
            .orElseThrow(() -> new IllegalStateException(caseFile + ": no contract for " + key));
        List<Case> cases = new ArrayList<>();
        for (DecisionCaseFile.DecisionCase c : file.cases()) {
          DecisionCaseRunner.CaseVariables variables = DecisionCaseRunner.variables(contract, c);
          if (!variables.problems().isEmpty()) {
            throw new IllegalStateException(caseFile + " " + c.label() + ": " + variables.problems());
          }
          List<Map<String, Object>> variants = new ArrayList<>();
          variants.add(variables.java());
          if (variables.json() != null) {
            variants.add(variables.json());
          }
          cases.add(new Case(c.label(), variants));
        }
        tables.add(new Table(tenant, key, dmn, contract, cases, casesWritten(caseFile)));
      }
    }
    return tables;
  }

  /**
   * Evaluates every case (each variant) and each table once with every input null, on a stock engine and on the
   * application's, and throws {@link AssertionError} naming the first case whose outcomes differ.
   */
  public static Summary compare(List<Table> tables) throws IOException {
    ObservedEngine stock = new ObservedEngine(
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
    ObservedEngine ours = new ObservedEngine(CachingFeelEngineFactory.standaloneConfiguration());
    int cases = 0;
    int evaluations = 0;
    int withMatches = 0;
    int failures = 0;
    for (Table table : tables) {
      DmnDecision stockDecision = stock.parse(table);
      DmnDecision ourDecision = ours.parse(table);
      List<Map<String, Object>> inputs = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (Case c : table.cases()) {
        for (Map<String, Object> variant : c.variants()) {
          inputs.add(variant);
          labels.add(c.label());
        }
        cases++;
      }
      Map<String, Object> allNull = new LinkedHashMap<>();
      table.contract().inputs().forEach(input -> allNull.put(input.name(), null));
      inputs.add(allNull);
      labels.add("every input null");
      for (int i = 0; i < inputs.size(); i++) {
        Outcome expected = stock.evaluate(stockDecision, inputs.get(i));
        Outcome actual = ours.evaluate(ourDecision, inputs.get(i));
        if (!expected.equals(actual)) {
          throw new AssertionError(table.name() + " " + labels.get(i) + " with " + inputs.get(i)
              + ":\n  stock:  " + expected + "\n  cached: " + actual);
        }
        evaluations++;
        withMatches += expected.matchedRules().isEmpty() ? 0 : 1;
        failures += expected.failure() == null ? 0 : 1;
      }
    }
    return new Summary(cases, evaluations, withMatches, failures);
  }

  private static List<Path> caseFiles(Path casesDir) throws IOException {
    if (!Files.isDirectory(casesDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(casesDir)) {
      return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static int casesWritten(Path caseFile) throws IOException {
    try (InputStream in = Files.newInputStream(caseFile)) {
      Object root = new Yaml().load(in);
      return root instanceof Map<?, ?> map && map.get("cases") instanceof List<?> cases ? cases.size() : 0;
    }
  }

  /** A DMN engine with a listener that keeps the last table evaluation (evaluated inputs and matched rules). */
  public static final class ObservedEngine {
    private final DefaultDmnEngineConfiguration configuration;
    private final DmnEngine engine;
    private DmnDecisionTableEvaluationEvent last;

    public ObservedEngine(DefaultDmnEngineConfiguration configuration) {
      this.configuration = configuration;
      configuration.customPostDecisionTableEvaluationListeners(List.of(event -> last = event));
      this.engine = configuration.buildEngine();
    }

    public DefaultDmnEngineConfiguration configuration() {
      return configuration;
    }

    public DmnDecision parse(Table table) throws IOException {
      try (InputStream in = Files.newInputStream(table.dmn())) {
        return engine.parseDecision(table.key(), in);
      }
    }

    public Outcome evaluate(DmnDecision decision, Map<String, Object> inputs) {
      last = null;
      List<String> result = new ArrayList<>();
      String failure = null;
      try {
        for (DmnDecisionResultEntries entries : engine.evaluateDecision(decision, Variables.fromMap(inputs))) {
          entries.getEntryMapTyped().forEach((name, value) -> result.add(name + "=" + describe(value)));
          result.add("|");
        }
      } catch (RuntimeException e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
          chain.append(chain.isEmpty() ? "" : " ← ").append(t.getClass().getName()).append(": ")
              .append(t.getMessage());
        }
        failure = chain.toString();
      }
      List<String> evaluatedInputs = new ArrayList<>();
      List<String> rules = new ArrayList<>();
      if (last != null) {
        for (DmnEvaluatedInput input : last.getInputs()) {
          evaluatedInputs.add(input.getId() + " " + input.getInputVariable() + "=" + describe(input.getValue()));
        }
        for (DmnEvaluatedDecisionRule rule : last.getMatchingRules()) {
          StringBuilder outputs = new StringBuilder(rule.getId());
          for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
            outputs.append(' ').append(output.getOutputName()).append('=').append(describe(output.getValue()));
          }
          rules.add(outputs.toString());
        }
      }
      return new Outcome(evaluatedInputs, rules, result, failure);
    }

    /** Type, Java class and value: a differing type or class is a difference too. */
    private static String describe(TypedValue value) {
      if (value == null) {
        return "<none>";
      }
      Object v = value.getValue();
      // untyped values (an input column without typeRef) have no type
      return (value.getType() == null ? "untyped" : value.getType().getName()) + ":"
          + (v == null ? "null" : v.getClass().getName() + ":" + v) + (value.isTransient() ? ":transient" : "");
    }
  }
}
