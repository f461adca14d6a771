package cn.faultaccountability.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of every tenant's case files, evaluated over the engine REST API of the running application on PostgreSQL
 * — as other systems and the forms call it: {@code factors} as a {@code Json} value holding a JSON array, dates as
 * {@code Date} values ({@code yyyy-MM-dd'T'HH:mm:ss.SSSZ}), every other input typed, {@code Null} for the inputs a
 * case does not list. The case files' expectations must hold there exactly as in {@code DecisionCasesTest}.
 *
 * <p>The tables of the decisions folder are deployed first (own deployment name, per tenant), so the latest version
 * the REST call resolves is the one the case files describe. Without any tenant tables in the project, the fixture
 * tables of the unit tests are used, so that the REST path itself is always exercised.
 */
class DecisionRestEvaluationIT extends DecisionsOnPostgres {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURE = Path.of("src/test/resources/decisions-fixture");
  private final HttpClient http = HttpClient.newHttpClient();

  @TestFactory
  List<DynamicNode> everyCaseOverRest() throws Exception {
    Path dir = decisionsDir();
    if (DecisionCaseRunner.tenants(dir).isEmpty()) {
      dir = FIXTURE;
    }
    DecisionContracts contracts = DecisionContracts.load(dir);
    List<DynamicNode> tenants = new ArrayList<>();
    for (String tenant : DecisionCaseRunner.tenants(dir)) {
      deploy(dir, tenant);
      List<DynamicNode> tables = new ArrayList<>();
      Path casesDir = dir.resolve(tenant).resolve("cases");
      try (Stream<Path> files = Files.list(casesDir)) {
        for (Path caseFile : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
          DecisionCaseFile file = DecisionCaseFile.read(caseFile, caseFile.toString());
          assertThat(file.problems()).as(caseFile.toString()).isEmpty();
          DecisionContract contract = contracts.decision(file.decision()).orElseThrow();
          List<DynamicNode> cases = new ArrayList<>();
          for (DecisionCaseFile.DecisionCase c : file.cases()) {
            cases.add(DynamicTest.dynamicTest(c.label() + " · " + c.article(),
                () -> evaluate(tenant, contract, caseFile, c)));
          }
          tables.add(DynamicContainer.dynamicContainer(contract.key(), cases));
        }
      }
      tenants.add(DynamicContainer.dynamicContainer(tenant, tables));
    }
    assertThat(tenants).isNotEmpty();
    return tenants;
  }

  /** The engine REST API evaluates with the process engine's DMN engine, which has the expression cache. */
  @Test
  void restEvaluationsUseTheExpressionCache() throws Exception {
    Path dir = decisionsDir();
    if (DecisionCaseRunner.tenants(dir).isEmpty()) {
      dir = FIXTURE;
    }
    String tenant = DecisionCaseRunner.tenants(dir).get(0);
    deploy(dir, tenant);
    Path caseFile = dir.resolve(tenant).resolve("cases").resolve("circumstances.yaml");
    DecisionCaseFile file = DecisionCaseFile.read(caseFile, caseFile.toString());
    DecisionContract contract = DecisionContracts.load(dir).decision(file.decision()).orElseThrow();

    FeelEngine feel = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDmnEngineConfiguration().getFeelEngine();
    assertThat(feel).isExactlyInstanceOf(CachingFeelEngine.class);
    CachingFeelEngine cached = (CachingFeelEngine) feel;
    for (DecisionCaseFile.DecisionCase c : file.cases()) {
      evaluate(tenant, contract, caseFile, c);
    }
    long parses = cached.parses();
    assertThat(cached.cachedExpressions()).isPositive();
    for (DecisionCaseFile.DecisionCase c : file.cases()) {
      evaluate(tenant, contract, caseFile, c);
    }
    assertThat(cached.parses()).as("the same cases evaluated again over REST parse nothing").isEqualTo(parses);
  }

  private void deploy(Path dir, String tenant) throws Exception {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name("decisions-" + tenant + "-rest-evaluation-it").source("rest-evaluation-it").tenantId(tenant)
        .enableDuplicateFiltering(true);
    try (Stream<Path> files = Files.list(dir.resolve(tenant))) {
      for (Path table : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(table)) {
          deployment.addInputStream("decisions/" + tenant + "/" + table.getFileName(), in);
        }
      }
    }
    deployment.deploy();
  }

  private void evaluate(String tenant, DecisionContract contract, Path caseFile, DecisionCaseFile.DecisionCase c)
      throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    for (DecisionContract.Input input : contract.inputs()) {
      variables.set(input.name(), typed(DecisionCaseRunner.toJava(input, c.given().get(input.name()))));
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(engineRest()
            + "/decision-definition/key/" + contract.key() + "/tenant-id/" + tenant + "/evaluate"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "demo:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      fail(caseFile + " · " + c.label() + " · REST 求值失败（HTTP " + response.statusCode() + "）：" + response.body()
          + "\n请求：" + body);
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (JsonNode result : JSON.readTree(response.body())) {
      Map<String, Object> outputs = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = result.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        outputs.put(field.getKey(), JSON.treeToValue(field.getValue().path("value"), Object.class));
      }
      results.add(outputs);
    }
    DecisionCaseRunner.mismatch(c, results).ifPresent(reason ->
        fail(caseFile + " · " + c.label() + " · 通过 REST：" + reason + "\n请求：" + body));
  }

  /** A REST variable as the forms and other systems send it. */
  private static ObjectNode typed(Object value) throws Exception {
    ObjectNode variable = JSON.createObjectNode();
    if (value == null) {
      variable.putNull("value");
      variable.put("type", "Null");
    } else if (value instanceof List<?> list) {
      variable.put("value", JSON.writeValueAsString(list));
      variable.put("type", "Json");
    } else if (value instanceof Date date) {
      variable.put("value", new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date));
      variable.put("type", "Date");
    } else if (value instanceof Boolean b) {
      variable.put("value", b);
      variable.put("type", "Boolean");
    } else if (value instanceof Integer i) {
      variable.put("value", i);
      variable.put("type", "Integer");
    } else if (value instanceof Long l) {
      variable.put("value", l);
      variable.put("type", "Long");
    } else if (value instanceof Number n) {
      variable.put("value", n.doubleValue());
      variable.put("type", "Double");
    } else {
      variable.put("value", String.valueOf(value));
      variable.put("type", "String");
    }
    return variable;
  }
}
