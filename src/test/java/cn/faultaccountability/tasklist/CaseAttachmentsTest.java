package cn.faultaccountability.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.cases.ApiErrors;
import cn.faultaccountability.cases.CaseAttachments;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.testsupport.CaseDriver;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;

/** Evidence attached to a case through the engine's attachment API, as the user; listed in the case view. */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:tasklist-validation;DB_CLOSE_DELAY=-1"})
class CaseAttachmentsTest {

  @Autowired CaseDriver driver;
  @Autowired CaseAttachments attachments;

  @AfterEach
  void clock() {
    driver.resetClock();
  }

  static MockHttpServletRequest fromOurPage() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("X-Requested-With", "fault-accountability");
    return request;
  }

  @Test
  @SuppressWarnings("unchecked")
  void staffWithATaskOnTheCaseAttachEvidenceThatTheCaseViewLists() throws Exception {
    driver.today(LocalDate.of(2026, 9, 1));
    String key = driver.intake(driver.lead("jinan", Map.of()));
    MockMultipartFile file = new MockMultipartFile("file", "询问笔录.pdf", "application/pdf",
        "%PDF-1.4 笔录".getBytes(StandardCharsets.UTF_8));

    driver.as("jinan-investigator", () -> {
      try {
        return attachments.upload(key, file, "证据", "对张三的询问笔录", null, fromOurPage());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    List<Map<String, Object>> listed = (List<Map<String, Object>>) driver.view(key).get("attachments");
    assertThat(listed).singleElement().satisfies(a -> {
      assertThat(a).containsEntry("name", "询问笔录.pdf").containsEntry("type", "application/pdf")
          .containsEntry("description", "证据：对张三的询问笔录").containsEntry("uploadedBy", "jinan-investigator");
      assertThat(a.get("uploadedAt")).isNotNull();
      assertThat(a.get("url").toString()).startsWith("/api/cases/" + key + "/attachments/");
    });
    String id = listed.get(0).get("id").toString();
    byte[] content = driver.as("jinan-manager", () -> {
      try {
        return attachments.download(key, id).getBody().getInputStream().readAllBytes();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 笔录");

    // another jurisdiction does not see the case, nor its attachments
    assertThatThrownBy(() -> driver.as("changzhou-manager", () -> attachments.download(key, id)))
        .isInstanceOf(ApiErrors.CaseNotFound.class);
    // the manager may read the case's tasks but works on none of them
    assertThatThrownBy(() -> driver.as("jinan-manager", () -> {
      try {
        return attachments.upload(key, file, "证据", null, null, fromOurPage());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    })).isInstanceOf(InvalidInputException.class).hasMessageContaining("没有可办理的任务");
    // a clerk with no task on the case has nothing to attach to
    assertThatThrownBy(() -> driver.as("jinan-hr-clerk", () -> {
      try {
        return attachments.upload(key, file, "证据", null, null, fromOurPage());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    })).isInstanceOf(InvalidInputException.class).hasMessageContaining("没有可办理的任务");
    // a bare form post riding on a login session (CSRF) is refused
    assertThatThrownBy(() -> driver.as("jinan-investigator", () -> {
      try {
        return attachments.upload(key, file, "证据", null, null, new MockHttpServletRequest());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    })).isInstanceOf(AuthorizationException.class);
    assertThat((List<?>) driver.view(key).get("attachments")).hasSize(1);
  }
}
