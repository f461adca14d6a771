package cn.faultaccountability.tasklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One component of a task's form, described once: {@link FormSchemaWriter} writes it as a Camunda Form (form-js)
 * component and {@link TaskCompletionValidator} enforces the same rules when the task is completed.
 */
public final class FormField {

  /** The form-js component types this project uses (all rendered by Tasklist 7.24's form-js, schema version 16). */
  public enum Type {
    TEXT("text"), TEXTFIELD("textfield"), TEXTAREA("textarea"), DATE("datetime"), NUMBER("number"),
    CHECKBOX("checkbox"), SELECT("select"), RADIO("radio"), TAGLIST("taglist"), LIST("dynamiclist"), TABLE("table");

    final String formJs;

    Type(String formJs) {
      this.formJs = formJs;
    }

    boolean hasChoices() {
      return this == SELECT || this == RADIO || this == TAGLIST;
    }
  }

  /** A fixed choice: the code submitted and the Chinese label shown. */
  public record Choice(String value, String label) {}

  /** A table column over the rows of a display variable. */
  public record Column(String key, String label) {}

  /** Shown (and required) only while another field holds one of these codes. */
  public record Condition(String key, Set<String> values) {
    boolean holds(Map<String, Object> values) {
      Object value = values.get(key);
      return value != null && this.values.contains(value.toString());
    }

    /** form-js hides a component while its FEEL expression is true. */
    String hideExpression() {
      return "=not(" + values.stream().map(v -> key + " = " + literal(v)).collect(Collectors.joining(" or ")) + ")";
    }
  }

  private static String literal(String value) {
    return value.equals("true") || value.equals("false") ? value : "\"" + value + "\"";
  }

  final Type type;
  final String key;
  final String label;
  String description;
  boolean required;
  List<Choice> choices = List.of();
  /** Choices from a group of decisions/vocabulary.yaml (term shown, code submitted). */
  String vocabulary;
  /** Choices from a variable prepared when the task was created (e.g. the case's parties). */
  String optionsVariable;
  Condition shownWhen;
  List<FormField> children = List.of();
  List<Column> columns = List.of();
  /** Options offered, not enforced (e.g. investigators: engine REST callers may name others). */
  boolean offeredOnly;
  int minItems;
  String minItemsMessage;
  boolean notAfterToday;
  String notBefore;
  Integer min;
  Integer max;

  private FormField(Type type, String key, String label) {
    this.type = type;
    this.key = key;
    this.label = label;
  }

  /** Read-only text (markdown; {@code {{variable}}} shows a variable). */
  public static FormField info(String markdown) {
    return new FormField(Type.TEXT, null, markdown);
  }

  public static FormField textfield(String key, String label) {
    return new FormField(Type.TEXTFIELD, key, label);
  }

  public static FormField textarea(String key, String label) {
    return new FormField(Type.TEXTAREA, key, label);
  }

  public static FormField date(String key, String label) {
    return new FormField(Type.DATE, key, label);
  }

  public static FormField number(String key, String label) {
    return new FormField(Type.NUMBER, key, label);
  }

  public static FormField checkbox(String key, String label) {
    return new FormField(Type.CHECKBOX, key, label);
  }

  public static FormField radio(String key, String label, Choice... choices) {
    FormField field = new FormField(Type.RADIO, key, label);
    field.choices = List.of(choices);
    return field;
  }

  public static FormField select(String key, String label, Choice... choices) {
    FormField field = new FormField(Type.SELECT, key, label);
    field.choices = List.of(choices);
    return field;
  }

  public static FormField vocabularySelect(String key, String label, String group) {
    FormField field = new FormField(Type.SELECT, key, label);
    field.vocabulary = group;
    return field;
  }

  public static FormField vocabularyTags(String key, String label, String group) {
    FormField field = new FormField(Type.TAGLIST, key, label);
    field.vocabulary = group;
    return field;
  }

  public static FormField optionsSelect(String key, String label, String optionsVariable) {
    FormField field = new FormField(Type.SELECT, key, label);
    field.optionsVariable = optionsVariable;
    return field;
  }

  public static FormField optionsTags(String key, String label, String optionsVariable) {
    FormField field = new FormField(Type.TAGLIST, key, label);
    field.optionsVariable = optionsVariable;
    return field;
  }

  /** A repeating group of fields submitted as a JSON list of objects under {@code key}. */
  public static FormField list(String key, String label, FormField... children) {
    FormField field = new FormField(Type.LIST, key, label);
    field.children = List.of(children);
    return field;
  }

  /** A read-only table over a JSON list variable prepared when the task was created. */
  public static FormField table(String variable, String label, Column... columns) {
    FormField field = new FormField(Type.TABLE, variable, label);
    field.columns = List.of(columns);
    return field;
  }

  public static Choice choice(String value, String label) {
    return new Choice(value, label);
  }

  public static Column column(String key, String label) {
    return new Column(key, label);
  }

  public FormField required() {
    this.required = true;
    return this;
  }

  public FormField help(String description) {
    this.description = description;
    return this;
  }

  public FormField when(String key, String... values) {
    this.shownWhen = new Condition(key, new LinkedHashSet<>(Arrays.asList(values)));
    return this;
  }

  public FormField offeredOnly() {
    this.offeredOnly = true;
    return this;
  }

  public FormField minItems(int count, String message) {
    this.minItems = count;
    this.minItemsMessage = message;
    return this;
  }

  public FormField notAfterToday() {
    this.notAfterToday = true;
    return this;
  }

  /** A date not before the date in another field (or process variable). */
  public FormField notBefore(String otherKey) {
    this.notBefore = otherKey;
    return this;
  }

  public FormField range(Integer min, Integer max) {
    this.min = min;
    this.max = max;
    return this;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public Type type() {
    return type;
  }

  public String vocabulary() {
    return vocabulary;
  }

  public List<Choice> choices() {
    return choices;
  }

  public List<FormField> children() {
    return children;
  }

  /** This field and, for a list, its children (depth first). */
  public List<FormField> flatten() {
    List<FormField> all = new ArrayList<>();
    all.add(this);
    children.forEach(c -> all.addAll(c.flatten()));
    return all;
  }
}
