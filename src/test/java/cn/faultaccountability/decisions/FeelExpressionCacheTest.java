package cn.faultaccountability.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunction;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/**
 * {@link CachingFeelEngine} parses each expression text once and otherwise behaves as Camunda's stock
 * {@link ScalaFeelEngine}: same values, and for every kind of failure the same exception with the same message.
 */
class FeelExpressionCacheTest {

  private static final String INPUT = "cellInput";

  /** A custom function provider, so the function path (and an exception thrown inside a function) is compared too. */
  private static final FeelCustomFunctionProvider FUNCTIONS = new FeelCustomFunctionProvider() {
    private final Map<String, CustomFunction> functions = Map.of(
        "twice", CustomFunction.create().setParams("x").setFunction(args -> ((Number) args.get(0)).longValue() * 2)
            .build(),
        "boom", CustomFunction.create().setParams("x").setFunction(args -> {
          throw new IllegalStateException("boom: " + args.get(0));
        }).build());

    @Override
    public Optional<CustomFunction> resolveFunction(String functionName) {
      return Optional.ofNullable(functions.get(functionName));
    }

    @Override
    public Collection<String> getFunctionNames() {
      return functions.keySet();
    }
  };

  private final ScalaFeelEngine stock = new ScalaFeelEngine(List.of(FUNCTIONS));
  private final CachingFeelEngine cached = new CachingFeelEngine(List.of(FUNCTIONS), 1_000);

  private static VariableContext variables() {
    Date day = Date.from(LocalDate.of(2024, 2, 29).atStartOfDay(ZoneId.systemDefault()).toInstant());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("x", 3);
    values.put("name", "张三");
    values.put("codes", List.of("A", "B"));
    values.put("json", Spin.JSON("{\"a\": [1, 2], \"b\": \"text\"}"));
    values.put("day", day);
    values.put("nothing", null);
    return Variables.fromMap(values).asVariableContext();
  }

  private static final List<String> EXPRESSIONS = List.of(
      "x + 1", "x * 1.5", "x / 0", "name", "\"吉林市办法第十条\"", "codes", "list contains(codes, \"B\")",
      "json.a", "json.b", "json.missing", "count(json.a)", "day", "date(day) + duration(\"P2Y\")",
      "date(day) > date(\"2024-01-01\")", "date(\"not a date\")", "date and time(\"2024-01-01T08:00:00\")",
      "if nothing = null then \"none\" else nothing", "missingVariable", "missingVariable + 1", "\"a\" < 1",
      "for i in 1..x return i * 2", "{a: x}.a", "twice(x)", "boom(x)", "unknownFunction(x)", "string length(name)",
      "assert(x, x > 5)", "assert(x, x > 5, \"x too small\")", "x +", "(((", "", "1 2",
      // validation fails: external functions are off in Camunda's engine
      "function(a) external { java: { class: \"java.lang.Math\", method signature: \"abs(int)\" } }");

  private static final List<String> UNARY_TESTS = List.of(
      "-", "3", "\"A\",\"B\"", "> 2", "< 2", "[1..5]", "]3..5]", "not(3)", "? > 2", "? != null and ? > 2",
      "list contains(?, \"A\")", "? = name", "> \"a\"", "null", "x", "<< 3", "[1..", "? +", "boom(?)", "twice(?) = 6");

  @Test
  void expressionsEvaluateAsStock() {
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (String expression : EXPRESSIONS) {
      String expected = outcome(() -> stock.evaluateSimpleExpression(expression, variables()));
      for (int round = 0; round < 2; round++) {
        // the second round comes from the cache, failures included
        assertThat(outcome(() -> cached.evaluateSimpleExpression(expression, variables())))
            .as("expression «%s», round %d", expression, round).isEqualTo(expected);
      }
      outcomes.put(expression, expected);
    }
    // the list covers values and each kind of failure
    assertThat(outcomes.get("x + 1")).isEqualTo("java.lang.Long 4");
    assertThat(outcomes.get("twice(x)")).isEqualTo("java.lang.Long 6");
    assertThat(outcomes.get("x +")).contains("FEEL/SCALA-01008", "failed to parse expression 'x +'");
    assertThat(outcomes.get("boom(x)")).contains("boom: 3");
    assertThat(outcomes.get("assert(x, x > 5, \"x too small\")")).contains("Assertion failure", "x too small");
    assertThat(outcomes.get(EXPRESSIONS.get(EXPRESSIONS.size() - 1))).contains("validation of expression");
  }

  @Test
  void unaryTestsEvaluateAsStock() {
    List<Object> inputs = new ArrayList<>(List.of(3, 7, "A", "C", List.of("A"), List.of(), Spin.JSON("[\"A\"]")));
    inputs.add(null);
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (String test : UNARY_TESTS) {
      for (Object input : inputs) {
        VariableContext context = Variables.fromMap(Map.of("x", 3, "name", "A")).putValue(INPUT, input)
            .asVariableContext();
        String expected = outcome(() -> stock.evaluateSimpleUnaryTests(test, INPUT, context));
        for (int round = 0; round < 2; round++) {
          assertThat(outcome(() -> cached.evaluateSimpleUnaryTests(test, INPUT, context)))
              .as("unary tests «%s» with input %s, round %d", test, input, round).isEqualTo(expected);
        }
        outcomes.put(test + " · " + input, expected);
      }
    }
    assertThat(outcomes).containsEntry("> 2 · 3", "java.lang.Boolean true").containsEntry("> 2 · null",
        "java.lang.Boolean false").containsEntry("list contains(?, \"A\") · [\"A\"]", "java.lang.Boolean true");
    assertThat(outcomes.get("<< 3 · 3")).contains("failed to parse expression '<< 3'");
    assertThat(outcomes.get("boom(?) · 7")).contains("boom: 7");
  }

  @Test
  void malformedExpressionFailsLikeStockEveryTime() {
    assertThatThrownBy(() -> cached.evaluateSimpleUnaryTests("<< 3", INPUT, variables()))
        .isInstanceOf(FeelException.class)
        .hasMessageStartingWith("FEEL/SCALA-01008 Error while evaluating expression: failed to parse expression '<< 3'");
    long parses = cached.parses();
    for (int i = 0; i < 3; i++) {
      assertThat(outcome(() -> cached.evaluateSimpleUnaryTests("<< 3", INPUT, variables())))
          .isEqualTo(outcome(() -> stock.evaluateSimpleUnaryTests("<< 3", INPUT, variables())));
    }
    assertThat(cached.parses()).as("the failed parse is remembered, not repeated").isEqualTo(parses);
  }

  @Test
  void eachTextIsParsedOnceAcrossEvaluations() {
    for (int i = 0; i < 50; i++) {
      cached.evaluateSimpleExpression("x + 1", variables());
      cached.evaluateSimpleUnaryTests("> 2", INPUT, Variables.putValue(INPUT, i).asVariableContext());
      // the same text as an expression and as unary tests parses differently, so each kind has its own entry
      cached.evaluateSimpleExpression("> 2", Variables.putValue("x", 1).asVariableContext());
    }
    assertThat(cached.parses()).isEqualTo(3);
    assertThat(cached.cachedExpressions()).isEqualTo(3);
  }

  @Test
  void theCacheIsBounded() {
    CachingFeelEngine small = new CachingFeelEngine(null, 2);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 10; i++) {
        assertThat((Object) small.evaluateSimpleExpression("x + " + i, variables())).isEqualTo(3L + i);
        assertThat(small.cachedExpressions()).isLessThanOrEqualTo(2);
      }
    }
    // at most 2 of the 10 texts survive from one round to the next
    assertThat(small.parses()).as("evicted texts are parsed again").isBetween(26L, 30L);
  }

  @Test
  void aDecisionTableParsesItsExpressionsOnlyOnTheFirstEvaluation() throws Exception {
    DefaultDmnEngineConfiguration configuration = CachingFeelEngineFactory.standaloneConfiguration();
    DmnEngine engine = configuration.buildEngine();
    CachingFeelEngine feel = (CachingFeelEngine) configuration.getFeelEngine();
    DmnDecision decision = engine.parseDecision("circumstances",
        Files.newInputStream(Path.of("src/test/resources/decisions-fixture/jilin/circumstances.dmn")));
    VariableMap variables = Variables.createVariables().putValue("factors", List.of("REFUSED_TO_CORRECT"))
        .putValue("faultsWithinYear", 2).putValue("faultsInCalendarYear", 2).putValue("faultEndedOn", null)
        .putValue("discoveredOn", null);
    List<Map<String, Object>> first = engine.evaluateDecisionTable(decision, variables).getResultList();
    long parses = feel.parses();
    assertThat(parses).isPositive();
    for (int i = 0; i < 100; i++) {
      assertThat(engine.evaluateDecisionTable(decision, variables).getResultList()).isEqualTo(first);
    }
    assertThat(feel.parses()).isEqualTo(parses);
  }

  @Test
  void aMalformedInputEntryFailsTheDecisionAsWithStock() {
    String dmn = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test">
          <decision id="broken" name="broken">
            <decisionTable id="t" hitPolicy="UNIQUE">
              <input id="i"><inputExpression id="ie" typeRef="integer"><text>x</text></inputExpression></input>
              <output id="o" name="result" typeRef="string" />
              <rule id="r1"><inputEntry id="e1"><text>&lt;&lt; 3</text></inputEntry>
                <outputEntry id="oe1"><text>"low"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>""";
    String stockFailure = decisionFailure(
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration(), dmn);
    String cachedFailure = decisionFailure(CachingFeelEngineFactory.standaloneConfiguration(), dmn);
    assertThat(stockFailure).startsWith(FeelException.class.getName()).contains("failed to parse expression '<< 3'");
    assertThat(cachedFailure).isEqualTo(stockFailure);
  }

  @Test
  void concurrentEvaluationsGetTheirOwnResults() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            Object sum = cached.evaluateSimpleExpression("x + 1", Variables.putValue("x", i).asVariableContext());
            assertThat(sum).isEqualTo(i + 1L);
            boolean matches = cached.evaluateSimpleUnaryTests("[10..20]", INPUT,
                Variables.putValue(INPUT, i % 30).asVariableContext());
            assertThat(matches).isEqualTo(i % 30 >= 10 && i % 30 <= 20);
            // a failure collected in one evaluation must not leak into another's
            assertThatThrownBy(() -> cached.evaluateSimpleExpression("assert(x, x < 0)",
                Variables.putValue("x", 1).asVariableContext())).isInstanceOf(FeelException.class);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cached.parses()).isEqualTo(3);
  }

  @Test
  void legacyFeelKeepsTheStockJuelEngine() {
    DefaultDmnEngineConfiguration configuration = CachingFeelEngineFactory.install(
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
    configuration.enableFeelLegacyBehavior(true);
    configuration.buildEngine();
    FeelEngine feel = configuration.getFeelEngine();
    assertThat(feel).isNotInstanceOf(ScalaFeelEngine.class);
  }

  private static String decisionFailure(DefaultDmnEngineConfiguration configuration, String dmn) {
    DmnEngine engine = configuration.buildEngine();
    DmnDecision decision = engine.parseDecision("broken",
        new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
    return outcome(() -> engine.evaluateDecisionTable(decision, Variables.putValue("x", 1)));
  }

  /** The value with its class, or the exception chain (class and message of each) — what a caller can observe. */
  private static String outcome(java.util.concurrent.Callable<Object> evaluation) {
    try {
      Object value = evaluation.call();
      return value == null ? "null" : value.getClass().getName() + " " + value;
    } catch (Exception e) {
      StringBuilder chain = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        chain.append(chain.isEmpty() ? "" : " ← ").append(t.getClass().getName()).append(": ")
            .append(Objects.toString(t.getMessage()));
      }
      return chain.toString();
    }
  }
}
