package cn.faultaccountability.decisions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;

/**
 * One table file {@code decisions/<tenant>/<decision-key>.dmn} as read by the DMN model API, with the plain facts
 * the runner and the check need (rules with their annotations and entry texts, columns).
 */
public final class DecisionTableFile {

  /** A column: the input expression text (or output name), label and typeRef as written. */
  public record Column(String id, String label, String expression, String typeRef, String expressionLanguage) {
  }

  /** A rule: id, annotation (description) and the entry texts in column order. */
  public record TableRule(int row, String id, String description, List<String> inputEntries,
      List<String> outputEntries) {

    /** Rule id as shown in reports; a rule without id is named by its row. */
    public String label() {
      return id == null || id.isBlank() ? "第 " + row + " 行" : id;
    }
  }

  private final Path path;
  private final String tenant;
  private final String key;
  private final byte[] bytes;
  private final DmnModelInstance model;

  private DecisionTableFile(Path path, String tenant, String key, byte[] bytes, DmnModelInstance model) {
    this.path = path;
    this.tenant = tenant;
    this.key = key;
    this.bytes = bytes;
    this.model = model;
  }

  /**
   * Reads and schema-validates the file.
   *
   * @throws IllegalArgumentException with the parser's message (line and column) when the XML is malformed
   */
  public static DecisionTableFile read(Path path, String tenant) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    String name = path.getFileName().toString();
    String key = name.endsWith(".dmn") ? name.substring(0, name.length() - 4) : name;
    return new DecisionTableFile(path, tenant, key, bytes, parse(bytes));
  }

  static DmnModelInstance parse(byte[] bytes) {
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(rootMessage(e), e);
    }
  }

  /** A fresh model instance, to be changed (e.g. hit policy) without touching this one. */
  public DmnModelInstance freshModel() {
    return parse(bytes);
  }

  public Path path() {
    return path;
  }

  public String tenant() {
    return tenant;
  }

  /** The decision key the file name promises. */
  public String key() {
    return key;
  }

  public DmnModelInstance model() {
    return model;
  }

  public Collection<Decision> decisions() {
    return model.getModelElementsByType(Decision.class);
  }

  /** The decision whose id is the file's key; if there is none, the only decision in the file; else null. */
  public Decision decision() {
    Collection<Decision> all = decisions();
    return all.stream().filter(d -> key.equals(d.getId())).findFirst()
        .orElse(all.size() == 1 ? all.iterator().next() : null);
  }

  public DecisionTable table() {
    Decision decision = decision();
    return decision == null || !(decision.getExpression() instanceof DecisionTable t) ? null : t;
  }

  public List<Column> inputs() {
    List<Column> columns = new ArrayList<>();
    DecisionTable table = table();
    if (table != null) {
      for (Input input : table.getInputs()) {
        var expression = input.getInputExpression();
        columns.add(new Column(input.getId(), input.getLabel(),
            expression == null ? null : text(expression.getText() == null ? null : expression.getText().getTextContent()),
            expression == null ? null : expression.getTypeRef(),
            expression == null ? null : expression.getExpressionLanguage()));
      }
    }
    return columns;
  }

  public List<Column> outputs() {
    List<Column> columns = new ArrayList<>();
    DecisionTable table = table();
    if (table != null) {
      for (Output output : table.getOutputs()) {
        columns.add(new Column(output.getId(), output.getLabel(), output.getName(), output.getTypeRef(), null));
      }
    }
    return columns;
  }

  public List<TableRule> rules() {
    List<TableRule> rules = new ArrayList<>();
    DecisionTable table = table();
    if (table == null) {
      return rules;
    }
    int row = 0;
    for (Rule rule : table.getRules()) {
      row++;
      List<String> inputs = new ArrayList<>();
      for (InputEntry entry : rule.getInputEntries()) {
        inputs.add(unaryText(entry));
      }
      List<String> outputs = new ArrayList<>();
      for (OutputEntry entry : rule.getOutputEntries()) {
        outputs.add(literalText(entry));
      }
      String description = rule.getDescription() == null ? null : text(rule.getDescription().getTextContent());
      rules.add(new TableRule(row, rule.getId(), description, List.copyOf(inputs), List.copyOf(outputs)));
    }
    return rules;
  }

  private static String unaryText(UnaryTests entry) {
    return entry.getText() == null ? "" : text(entry.getText().getTextContent());
  }

  private static String literalText(LiteralExpression entry) {
    return entry.getText() == null ? "" : text(entry.getText().getTextContent());
  }

  private static String text(String s) {
    return s == null ? null : s.trim();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t instanceof org.xml.sax.SAXParseException sax) {
        // the XML parser knows where: say it in the legal officer's terms
        return "第 " + sax.getLineNumber() + " 行第 " + sax.getColumnNumber() + " 列：" + sax.getMessage();
      }
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    message = message.replaceAll("\\s+", " ").trim();
    // schema errors come as "Error: URI=null Line=36: cvc-…"
    java.util.regex.Matcher line = java.util.regex.Pattern.compile("^(?:Fatal )?Error: URI=\\S* Line=(\\d+): ").matcher(message);
    return line.find() ? "第 " + line.group(1) + " 行：" + message.substring(line.end()) : message;
  }
}
