package cn.faultaccountability.documents;

import cn.faultaccountability.cases.ApiErrors;
import cn.faultaccountability.cases.CaseAccess;
import cn.faultaccountability.cases.CaseRepository.CaseRow;
import cn.faultaccountability.documents.DocumentRepository.DocumentInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's documents, for users of the case's jurisdiction only (another tenant's case answers 404). */
@RestController
public class DocumentController {

  private final CaseAccess access;
  private final DocumentRepository documents;

  public DocumentController(CaseAccess access, DocumentRepository documents) {
    this.access = access;
    this.documents = documents;
  }

  @GetMapping("/api/cases/{businessKey}/documents")
  public List<Map<String, Object>> list(@PathVariable String businessKey) {
    CaseRow row = access.visibleCase(businessKey);
    return documents.list(row.id()).stream().map(d -> describe(row, d)).toList();
  }

  @GetMapping("/api/cases/{businessKey}/documents/{documentId}")
  public ResponseEntity<byte[]> download(@PathVariable String businessKey, @PathVariable long documentId) {
    CaseRow row = access.visibleCase(businessKey);
    DocumentInfo info = documents.list(row.id()).stream().filter(d -> d.id() == documentId).findFirst()
        .orElseThrow(() -> new DocumentNotFound(businessKey, documentId));
    byte[] content = documents.content(row.id(), documentId).orElseThrow();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(info.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(info.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(content);
  }

  private static Map<String, Object> describe(CaseRow row, DocumentInfo d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("kind", d.kind());
    m.put("kindName", DecisionDocuments.KIND.equals(d.kind()) ? "处理决定书" : d.kind());
    m.put("version", d.version());
    m.put("current", d.current());
    m.put("fileName", d.fileName());
    m.put("contentType", d.contentType());
    m.put("size", d.size());
    m.put("sha256", d.sha256());
    m.put("template", d.template());
    m.put("reason", d.reason());
    m.put("createdBy", d.createdBy());
    m.put("createdAt", d.createdAt());
    m.put("supersededAt", d.supersededAt());
    m.put("url", DecisionDocuments.path(row.businessKey(), d.id()));
    return m;
  }

  /** Same answer as an invisible case: 404 with a Chinese message. */
  static class DocumentNotFound extends ApiErrors.CaseNotFound {
    DocumentNotFound(String businessKey, long documentId) {
      super(businessKey + " 的文书 " + documentId);
    }
  }
}
