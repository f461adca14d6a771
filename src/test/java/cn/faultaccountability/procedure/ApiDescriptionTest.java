package cn.faultaccountability.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** docs/openapi.yaml describes every operation our API serves under /api, and nothing it does not serve. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:api-description-test;DB_CLOSE_DELAY=-1")
class ApiDescriptionTest {

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  @SuppressWarnings("unchecked")
  void everyApiOperationIsDescribed() throws Exception {
    Set<String> served = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String path : info.getPatternValues()) {
        if (path.startsWith("/api/")) {
          info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name().toLowerCase() + " " + path));
        }
      }
    }
    Set<String> described = new TreeSet<>();
    try (InputStream in = Files.newInputStream(Path.of("docs", "openapi.yaml"))) {
      Map<String, Object> doc = new Yaml().load(in);
      ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, operations) ->
          operations.keySet().forEach(method -> described.add(method + " " + path)));
    }
    assertThat(described).isEqualTo(served);
  }
}
