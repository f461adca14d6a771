package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

/** docs/security.md lists exactly the grants the code creates, so the document cannot drift from the system. */
class SecurityDocTest {

  @Test
  void theGrantTableInTheSecurityGuideIsWhatTheCodeCreates() throws Exception {
    String doc = Files.readString(Path.of("docs", "security.md"), StandardCharsets.UTF_8);
    List<String> documented = doc.lines()
        .dropWhile(line -> !line.contains("<!-- grants:begin -->"))
        .takeWhile(line -> !line.contains("<!-- grants:end -->"))
        .filter(line -> line.startsWith("| `"))
        .map(String::strip)
        .toList();
    assertThat(documented).isEqualTo(expectedRows());
  }

  static List<String> expectedRows() {
    List<String> rows = new ArrayList<>();
    for (StaffRole role : StaffRole.values()) {
      for (StaffRole.Grant grant : role.grants()) {
        String resource = Arrays.stream(Resources.values())
            .filter(r -> r.resourceType() == grant.resource().resourceType()).findFirst().orElseThrow().name();
        String permissions = String.join(", ", grant.permissions().stream().map(Permission::getName).sorted().toList());
        rows.add("| `" + role.code() + "` | " + role.chineseName() + " | " + resource + " | `" + grant.resourceId()
            + "` | " + permissions + " |");
      }
    }
    return rows;
  }
}
