package cn.faultaccountability.procedure;

import static cn.faultaccountability.testsupport.CaseDriver.json;
import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.cases.ApiErrors;
import cn.faultaccountability.documents.DocumentController;
import cn.faultaccountability.review.ReviewApplicationController;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The decision document (Changzhou 32) of a Changzhou case: made when the decision is issued, read back with PDFBox
 * part by part, fonts embedded; a new version when the review modifies the decision; a tenant's own template
 * override taking effect without a rebuild; other tenants see nothing.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:document-test;DB_CLOSE_DELAY=-1")
class DecisionDocumentTest extends AbstractProcedureTest {

  static final Path OVERRIDES = createOverrides();

  @Autowired DocumentController documents;
  @Autowired ReviewApplicationController reviews;

  static Path createOverrides() {
    try {
      return Files.createTempDirectory("documents-override");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void documentsDir(DynamicPropertyRegistry registry) {
    registry.add("accountability.documents.dir", OVERRIDES::toString);
  }

  @AfterAll
  static void removeOverrides() throws IOException {
    try (var files = Files.walk(OVERRIDES)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void decisionDocumentHasEveryPartOfChangzhou32AndIsVersionedByTheReview() throws IOException {
    String unit = "常州市文书测试局";
    String key = decide("changzhou", unit, LocalDate.of(2026, 9, 1));

    List<Map<String, Object>> list = as(key, () -> documents.list(key));
    assertThat(list).hasSize(1);
    Map<String, Object> first = list.get(0);
    assertThat(first).containsEntry("kind", "DECISION").containsEntry("version", 1).containsEntry("current", true)
        .containsEntry("contentType", "application/pdf")
        .containsEntry("template", "classpath:documents/changzhou/decision.html");
    // reachable from Tasklist: the process variable holds the document's API path
    assertThat(driver.variable(key, "decisionDocument")).isEqualTo(first.get("url"));

    String text = pdfText(key, (Long) first.get("id"));
    assertThat(text).contains("行政执法过错责任追究处理决定书");
    // (1) the units and persons
    assertThat(text).contains(unit, "张三", "承办人", "李四", "审核人", "王五", "批准人");
    // (2) facts and evidence
    assertThat(text).contains("经调查，罚款决定认定事实不清", "案卷、询问笔录");
    // (3) the determination: fault category and each party's liability with its basis
    assertThat(text).contains("事实不清");
    for (String party : List.of("张三", "李四", "王五", unit)) {
      Map<String, Object> p = driver.party(key, party);
      assertThat(text).as("liability of %s", party).contains((String) p.get("liabilityName"),
          (String) p.get("liabilityBasis"));
    }
    // (4) basis and (5) the decision: every decided measure with its basis
    for (String party : List.of("张三", "李四", "王五")) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> measures = (List<Map<String, Object>>) driver.party(key, party).get("decidedMeasures");
      assertThat(measures).as("decided measures of %s", party).isNotEmpty();
      for (Map<String, Object> m : measures) {
        assertThat(text).contains((String) m.get("measureName"), (String) m.get("basis"));
      }
    }
    // (6) review: within 30 days of receipt, in writing, to the organ, basis from the deadlines table
    assertThat(text).contains("自收到本决定书之日起30日内", "以书面形式向常州市监察局申请复核", "常州市办法第三十三条第一款");
    // (7) organ and date
    assertThat(text).contains("（印章）").endsWith("常州市监察局2026年9月10日");

    serve(key, LocalDate.of(2026, 9, 14));
    driver.today(LocalDate.of(2026, 9, 20));
    driver.as("changzhou-intake-clerk", () -> reviews.apply(key, Map.of("applicant", "张三", "grounds", "处理过重")));
    driver.today(LocalDate.of(2026, 9, 25));
    driver.complete(key, "DecideReview", "supervision-head", vars("reviewOutcome", "MODIFY",
        "reason", "张三已主动纠正，改为批评教育", "revisedMeasures",
        json(List.of(Map.of("party", "张三", "measure", "CRITICISM_EDUCATION")))));

    list = as(key, () -> documents.list(key));
    assertThat(list).extracting(d -> d.get("version")).containsExactly(1, 2);
    assertThat(list.get(0)).containsEntry("current", false);
    assertThat(list.get(1)).containsEntry("current", true).containsEntry("reason", "张三已主动纠正，改为批评教育");
    assertThat(driver.variable(key, "decisionDocument")).isEqualTo(list.get(1).get("url"));
    String revised = pdfText(key, (Long) list.get(1).get("id"));
    assertThat(revised).contains("第2版", "复核机关于2026年9月25日作出复核决定", "变更2026年9月10日作出的原处理决定（第1版）", "张三已主动纠正，改为批评教育",
        "批评教育（复核决定；");
    // this version carries the review's date under the organ
    assertThat(revised).endsWith("常州市监察局2026年9月25日");
    // served 14 September: 30 days → 14 October
    assertThat(revised).contains("本决定书于2026年9月14日送达", "至2026年10月14日届满");
    // the first version stays as it was
    assertThat(pdfText(key, (Long) list.get(0).get("id"))).isEqualTo(text);

    // another jurisdiction sees neither the list nor the file
    assertThatThrownBy(() -> driver.as("jilin-manager", () -> documents.list(key)))
        .isInstanceOf(ApiErrors.CaseNotFound.class);
    assertThatThrownBy(() -> driver.as("jilin-manager", () -> documents.download(key, (Long) first.get("id"))))
        .isInstanceOf(ApiErrors.CaseNotFound.class);
  }

  @Test
  void administratorsTemplateInTheDocumentsFolderIsUsedWithoutRebuild() throws IOException {
    String shipped = new String(getClass().getResourceAsStream("/documents/jinan/decision.html").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    Path override = OVERRIDES.resolve("jinan").resolve("decision.html");
    Files.createDirectories(override.getParent());
    Files.writeString(override, shipped.replace("济南市司法局（济南市人民政府行政执法监督机构）", "济南市历下区测试机关"));
    try {
      String key = decide("jinan", "济南市文书模板测试局", LocalDate.of(2026, 9, 1));
      Map<String, Object> doc = as(key, () -> documents.list(key)).get(0);
      assertThat((String) doc.get("template")).isEqualTo(override.toAbsolutePath().toString());
      String text = pdfText(key, (Long) doc.get("id"));
      assertThat(text).contains("济南市历下区测试机关", "济南市办法第二十一条").doesNotContain("济南市司法局");
    } finally {
      Files.delete(override);
    }
  }

  /** Intake to the issued decision, as the owning roles. */
  private String decide(String tenant, String unit, LocalDate on) {
    String key = intake(tenant, on, unit, Map.of());
    driver.today(on.plusDays(1));
    file(key);
    driver.today(on.plusDays(9));
    investigate(key, "FACTS_UNCLEAR", "APPROVED_ACT_WRONG", Map.of());
    statement(key);
    if (driver.openTasks(key).contains("DetermineLiabilityManually")) {
      driver.complete(key, "DetermineLiabilityManually", "supervision-head", vars("manualLiabilities",
          json(Map.of("张三", "SECONDARY", "李四", "MAIN", "王五", "MAIN")), "reason", "审核、批准人未尽审查职责"));
    }
    driver.complete(key, "Determine", "supervision-head", Map.of());
    if (driver.openTasks(key).contains("GovernmentApproval")) {
      driver.complete(key, "GovernmentApproval", "government-approver", vars("approval", "APPROVE"));
    }
    assertThat(driver.openTasks(key)).contains("ServeDecision");
    return key;
  }

  private <T> T as(String key, java.util.function.Supplier<T> work) {
    return driver.as(cn.faultaccountability.testsupport.CaseDriver.tenantOf(key) + "-manager", work);
  }

  /** The text of the PDF as any viewer shows it; fails unless every font on every page is embedded. */
  private String pdfText(String key, long id) throws IOException {
    ResponseEntity<byte[]> response = as(key, () -> documents.download(key, id));
    assertThat(response.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(response.getHeaders().getContentDisposition().getFilename()).endsWith(".pdf");
    // kept for a look with any PDF viewer: target/documents/<key>-<id>.pdf
    Files.createDirectories(Path.of("target/documents"));
    Files.write(Path.of("target/documents/" + key + "-" + id + ".pdf"), response.getBody());
    try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
        }
      }
      // lines wrap anywhere in Chinese text: compare without any white space
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
    }
  }
}
