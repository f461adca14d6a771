package cn.faultaccountability.decisions;

import camundajar.impl.scala.collection.Iterator;
import camundajar.impl.scala.collection.immutable.$colon$colon;
import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.collection.immutable.Nil$;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import camundajar.impl.scala.util.control.NonFatal;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * Camunda's FEEL-Scala engine (the same value mappers — Java and Spin JSON —, the same custom function providers,
 * external functions off, as {@link ScalaFeelEngine} builds them), without the two costs it pays on every call
 * (issue 9: ~1,550 evaluations/s per decision):
 *
 * <ul>
 *   <li>the stock engine parses the expression text of every input expression, input entry and output entry on every
 *       evaluation; here each distinct text is parsed (and validated) once and the immutable syntax tree is kept, in a
 *       bounded thread-safe cache keyed by the text (one cache for expressions, one for unary tests — the same text
 *       parses differently as each);
 *   <li>feel-engine 1.19.3 builds its built-in function table (some hundred functions) anew for every evaluation; here
 *       it is built once, and each evaluation gets a fresh root context with its own failure collector, as stock.
 *       feel-scala 1.21.0 made the same change upstream ("revert rootContext to val for performance").
 * </ul>
 *
 * Evaluation and its outcomes are the stock ones: same interpreter, same variable context wrapping, same result
 * unpacking, and every failure (parse, validation, evaluation, assertion, exception inside a function) ends as the
 * same {@code FeelException} with the same message ({@code FEEL/SCALA-01008 Error while evaluating expression: …}).
 * {@code FeelExpressionCacheTest} and {@code StockEquivalenceTest} hold it to that.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

  /** Distinct texts kept per kind; our tables have a few hundred. Bounded so redeployments cannot grow it forever. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final ParseCache expressions;
  private final ParseCache unaryTests;
  private final FeelInterpreter interpreter;
  private final ValueMapper valueMapper;
  private final FunctionProvider rootFunctions;
  private final ConcurrentHashMap<String, VariableProvider> inputNames = new ConcurrentHashMap<>();

  @SuppressWarnings("deprecation") // FeelEngine.parseExpression/parseUnaryTests: the API Camunda 7.24 itself uses
  public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders, int maxEntries) {
    super(functionProviders);
    expressions = new ParseCache(maxEntries, feelEngine::parseExpression);
    unaryTests = new ParseCache(maxEntries, feelEngine::parseUnaryTests);
    valueMapper = feelEngine.valueMapper();
    interpreter = new FeelInterpreter(valueMapper);
    rootFunctions = new FunctionProvider.CompositeFunctionProvider(
        toScalaList(new BuiltinFunctions(feelEngine.clock(), valueMapper), feelEngine.functionProvider()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = expressions.get(expression);
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    return (T) evaluate(parsed, context(variables));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
      VariableContext variableContext) {
    ParsedExpression parsed = unaryTests.get(expression);
    // the interpreter finds the input value through the variable named by "inputVariableName"; the provider of that
    // one name is immutable, so one per input variable name (in practice only "cellInput") is kept
    VariableProvider input = inputNames.computeIfAbsent(inputVariable,
        name -> new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, name)));
    VariableProvider variables =
        new CompositeVariableProvider(listOf(input, new ContextVariableWrapper(variableContext)));
    // null (no match) counts as false, anything but a boolean fails — as the stock engine unboxes it
    return BoxesRunTime.unboxToBoolean(evaluate(parsed, context(variables)));
  }

  /** How many times an expression text has been parsed (not served from the cache). */
  public long parses() {
    return expressions.parses.sum() + unaryTests.parses.sum();
  }

  /** Distinct expression texts held (expressions and unary tests). */
  public int cachedExpressions() {
    return expressions.entries.size() + unaryTests.entries.size();
  }

  /** The Scala list of the two, built directly (what {@code toScalaList} makes through a Java list). */
  @SuppressWarnings("unchecked")
  private static camundajar.impl.scala.collection.immutable.List<VariableProvider> listOf(VariableProvider first,
      VariableProvider second) {
    var nil = (camundajar.impl.scala.collection.immutable.List<VariableProvider>) (Object) Nil$.MODULE$;
    return new $colon$colon<>(first, new $colon$colon<>(second, nil));
  }

  private static Context context(VariableProvider variables) {
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
  }

  /**
   * One evaluation of a parsed expression, with the outcomes of feel-engine's {@code FeelEngine.evaluate} (the parse
   * already validated the tree, and validation depends on nothing but the tree).
   */
  private Object evaluate(ParsedExpression parsed, Context context) {
    String failure;
    try {
      EvalContext evalContext = EvalContext.create(valueMapper, rootFunctions).merge(context);
      Val value = interpreter.eval(parsed.expression(), evalContext);
      String assertion = assertionFailure(evalContext);
      if (assertion != null) {
        failure = "Assertion failure on evaluate the expression '" + parsed.text() + "': " + assertion;
      } else if (value instanceof ValError error) {
        failure = "failed to evaluate expression '" + parsed.text() + "': " + error.error();
      } else if (value instanceof ValFatalError error) {
        failure = "failed to evaluate expression '" + parsed.text() + "': " + error.error();
      } else {
        return valueMapper.unpackVal(value);
      }
    } catch (Throwable t) {
      if (!NonFatal.apply(t)) {
        throw t;
      }
      failure = "failed to evaluate expression '" + parsed.text() + "' : " + t;
    }
    throw LOGGER.evaluationException(failure);
  }

  private static String assertionFailure(EvalContext context) {
    Iterator<EvaluationFailure> failures = context.failureCollector().failures().iterator();
    while (failures.hasNext()) {
      EvaluationFailure f = failures.next();
      if (f.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
        return f.failureMessage();
      }
    }
    return null;
  }

  /** Expression text → parsed tree, or the parse failure (thrown again on every use, as stock re-parses and fails). */
  private static final class ParseCache {

    private record Entry(ParsedExpression parsed, String failure) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder parses = new LongAdder();
    private final int maxEntries;
    private final Function<String, Either<Failure, ParsedExpression>> parser;

    ParseCache(int maxEntries, Function<String, Either<Failure, ParsedExpression>> parser) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
      }
      this.maxEntries = maxEntries;
      this.parser = parser;
    }

    ParsedExpression get(String text) {
      Entry entry = entries.get(text);
      if (entry == null) {
        if (entries.size() >= maxEntries) {
          // full: drop any one entry; a working set larger than the bound is parsed again, never grows the map
          java.util.Iterator<String> any = entries.keySet().iterator();
          if (any.hasNext()) {
            entries.remove(any.next());
          }
        }
        // threads asking for the same new text wait for one parse
        entry = entries.computeIfAbsent(text, this::parse);
      }
      if (entry.failure() != null) {
        throw LOGGER.evaluationException(entry.failure());
      }
      return entry.parsed();
    }

    private Entry parse(String text) {
      parses.increment();
      Either<Failure, ParsedExpression> result = parser.apply(text);
      if (result instanceof Right<Failure, ParsedExpression> right) {
        return new Entry(right.value(), null);
      }
      return new Entry(null, ((Left<Failure, ParsedExpression>) result).value().message());
    }
  }
}
