package cn.faultaccountability.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.decisions.Vocabulary;
import cn.faultaccountability.decisions.VocabularyCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The committed forms ({@code forms/*.form}) are exactly what {@link TaskForms} generates from the code and
 * decisions/vocabulary.yaml; every user task and the start event has its form; only components Tasklist 7.24's
 * form-js renders are used; every vocabulary choice list equals its vocabulary group.
 * Regenerate with {@code ./mvnw -q test -Dtest=FormsTest -Dforms.write=true} (tools/forms/README.md).
 */
class FormsTest {

  static final Path FORMS = Path.of("forms");
  static final Set<String> FORM_JS_1_10_COMPONENTS = Set.of("text", "textfield", "textarea", "number", "datetime",
      "checkbox", "checklist", "radio", "select", "taglist", "group", "dynamiclist", "table", "html", "expression",
      "separator", "spacer", "image", "iframe", "button");
  final VocabularyCodes vocabulary = new VocabularyCodes();
  final TaskForms forms = new TaskForms();
  final ObjectMapper mapper = new ObjectMapper();

  @Test
  void committedFormsAreTheGeneratedOnes() throws IOException {
    FormSchemaWriter writer = new FormSchemaWriter(vocabulary);
    Map<String, String> generated = new LinkedHashMap<>();
    forms.all().forEach((id, fields) -> generated.put(id, writer.write(id, fields)));
    if (Boolean.getBoolean("forms.write")) {
      Files.createDirectories(FORMS);
      try (Stream<Path> old = Files.list(FORMS)) {
        for (Path file : old.filter(p -> p.toString().endsWith(".form")).toList()) {
          Files.delete(file);
        }
      }
      for (Map.Entry<String, String> form : generated.entrySet()) {
        Files.writeString(FORMS.resolve(form.getKey() + ".form"), form.getValue(), StandardCharsets.UTF_8);
      }
    }
    Set<String> committed;
    try (Stream<Path> files = Files.list(FORMS)) {
      committed = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".form"))
          .map(n -> n.substring(0, n.length() - 5)).collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(committed).as("forms/*.form").isEqualTo(new TreeSet<>(generated.keySet()));
    for (Map.Entry<String, String> form : generated.entrySet()) {
      assertThat(Files.readString(FORMS.resolve(form.getKey() + ".form"), StandardCharsets.UTF_8))
          .as("forms/%s.form is stale: regenerate (tools/forms/README.md)", form.getKey()).isEqualTo(form.getValue());
    }
  }

  @Test
  void everyUserTaskAndTheStartEventHaveTheirForm() throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes/fault-accountability.bpmn").toFile());
    List<String> expected = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as("formRef of %s", task.getId()).isEqualTo(task.getId());
      expected.add(task.getId());
    }
    model.getModelElementsByType(StartEvent.class).stream().filter(s -> s.getCamundaFormRef() != null)
        .forEach(s -> expected.add(s.getCamundaFormRef()));
    assertThat(expected).hasSize(26).contains("LeadReceived", "Determine", "CorrectExecution");
    for (String id : expected) {
      JsonNode form = mapper.readTree(FORMS.resolve(id + ".form").toFile());
      assertThat(form.get("id").asText()).isEqualTo(id);
      assertThat(form.get("schemaVersion").asInt()).isEqualTo(FormSchemaWriter.SCHEMA_VERSION);
      components(form).forEach(c -> assertThat(FORM_JS_1_10_COMPONENTS).as("component of %s", id)
          .contains(c.get("type").asText()));
    }
  }

  @Test
  void vocabularyChoicesAreTheVocabularyInFileOrder() throws IOException {
    int checked = 0;
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        for (JsonNode c : components(mapper.readTree(file.toFile()))) {
          JsonNode group = c.path("properties").path("vocabulary");
          if (group.isMissingNode()) {
            continue;
          }
          Vocabulary.Group expected = vocabulary.vocabulary().group(group.asText()).orElseThrow();
          Map<String, String> shown = new LinkedHashMap<>();
          c.get("values").forEach(v -> shown.put(v.get("value").asText(), v.get("label").asText()));
          assertThat(shown).as("%s %s", file.getFileName(), c.get("key")).containsExactlyEntriesOf(expected.terms());
          checked++;
        }
      }
    }
    // fault categories, scenarios, severities, factors, liability levels, measures (several forms)
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  @Test
  void outcomeChoicesAreTheCodesTheProcessBranchesOn() throws IOException {
    String bpmn = Files.readString(Path.of("processes/fault-accountability.bpmn"));
    for (String[] gateway : new String[][] {{"PreliminaryCheck", "checkOutcome"},
        {"ApproveFiling", "filingDecision"}, {"Investigate", "investigationOutcome"},
        {"GovernmentApproval", "approval"}, {"DecideReview", "reviewOutcome"}}) {
      JsonNode field = components(mapper.readTree(FORMS.resolve(gateway[0] + ".form").toFile())).stream()
          .filter(c -> gateway[1].equals(c.path("key").asText())).findFirst().orElseThrow();
      for (JsonNode value : field.get("values")) {
        String code = value.get("value").asText();
        // a code the BPMN never tests is a default branch: at most one per field
        if (!bpmn.contains(gateway[1] + " == '" + code + "'")) {
          assertThat(code).as("%s.%s default branch", gateway[0], gateway[1])
              .isIn("FILE", "APPROVE", "DONE", "UPHOLD", "MODIFY", "REVOKE");
        }
      }
    }
  }

  static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode c : container.path("components")) {
      all.add(c);
      all.addAll(components(c));
    }
    return all;
  }
}
