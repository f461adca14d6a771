package cn.faultaccountability.tasklist;

import cn.faultaccountability.decisions.VocabularyCodes;
import cn.faultaccountability.decisions.Vocabulary;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Writes a form of {@link TaskForms} as a Camunda Form (form-js schema version 16, the form-js bundled with the
 * Camunda 7.24 webapps). Vocabulary choices show the Chinese term and submit the code.
 */
public final class FormSchemaWriter {

  public static final int SCHEMA_VERSION = 16;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final VocabularyCodes vocabulary;
  private int sequence;

  public FormSchemaWriter(VocabularyCodes vocabulary) {
    this.vocabulary = vocabulary;
  }

  public String write(String formId, List<FormField> fields) {
    sequence = 0;
    ObjectNode form = MAPPER.createObjectNode();
    form.put("executionPlatform", "Camunda Platform");
    form.put("executionPlatformVersion", "7.24.0");
    ObjectNode exporter = form.putObject("exporter");
    exporter.put("name", "fault-accountability TaskForms (generated: do not edit, see tools/forms/README.md)");
    exporter.put("version", "1");
    form.put("schemaVersion", SCHEMA_VERSION);
    form.put("id", formId);
    form.put("type", "default");
    components(form.putArray("components"), fields);
    try {
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(
          new DefaultIndenter("  ", "\n"));
      return MAPPER.writer(printer).writeValueAsString(form) + "\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void components(ArrayNode array, List<FormField> fields) {
    for (FormField field : fields) {
      array.add(component(field));
    }
  }

  private ObjectNode component(FormField f) {
    ObjectNode c = MAPPER.createObjectNode();
    String id = (f.key == null ? "Text_" + (++sequence) : "Field_" + f.key + "_" + (++sequence));
    c.put("id", id);
    c.put("type", f.type.formJs);
    switch (f.type) {
      case TEXT -> c.put("text", f.label);
      case TABLE -> {
        c.put("label", f.label);
        c.put("dataSource", "=" + f.key);
        c.put("rowCount", 20);
        ArrayNode columns = c.putArray("columns");
        for (FormField.Column column : f.columns) {
          columns.addObject().put("label", column.label()).put("key", column.key());
        }
      }
      case LIST -> {
        c.put("label", f.label);
        c.put("path", f.key);
        c.put("isRepeating", true);
        c.put("allowAddRemove", true);
        c.put("defaultRepetitions", 0);
        c.put("showOutline", true);
        components(c.putArray("components"), f.children);
      }
      case DATE -> {
        c.put("key", f.key);
        c.put("subtype", "date");
        c.put("dateLabel", f.label);
      }
      default -> {
        c.put("key", f.key);
        c.put("label", f.label);
      }
    }
    if (f.type == FormField.Type.NUMBER) {
      c.put("decimalDigits", 0);
    }
    if (f.type == FormField.Type.SELECT) {
      c.put("searchable", true);
    }
    if (f.type.hasChoices()) {
      if (f.optionsVariable != null) {
        c.put("valuesKey", f.optionsVariable);
      } else {
        ArrayNode values = c.putArray("values");
        for (FormField.Choice choice : choices(f)) {
          values.addObject().put("label", choice.label()).put("value", choice.value());
        }
      }
      if (f.vocabulary != null) {
        // lets FormsTest compare the choices with decisions/vocabulary.yaml
        c.putObject("properties").put("vocabulary", f.vocabulary);
      }
    }
    if (f.description != null) {
      c.put("description", f.description);
    }
    ObjectNode validate = MAPPER.createObjectNode();
    if (f.required && f.type != FormField.Type.LIST && f.type != FormField.Type.CHECKBOX) {
      validate.put("required", true);
    }
    if (f.min != null) {
      validate.put("min", f.min);
    }
    if (f.max != null) {
      validate.put("max", f.max);
    }
    if (!validate.isEmpty()) {
      c.set("validate", validate);
    }
    if (f.shownWhen != null) {
      c.putObject("conditional").put("hide", f.shownWhen.hideExpression());
    }
    return c;
  }

  /** The fixed choices, or the vocabulary group's codes in file order with their Chinese terms. */
  List<FormField.Choice> choices(FormField f) {
    if (f.vocabulary == null) {
      return f.choices;
    }
    Vocabulary.Group group = vocabulary.vocabulary().group(f.vocabulary)
        .orElseThrow(() -> new IllegalArgumentException("词汇表没有 " + f.vocabulary + " 组"));
    return group.terms().entrySet().stream().map((Map.Entry<String, String> e) -> new FormField.Choice(e.getKey(),
        e.getValue())).toList();
  }
}
