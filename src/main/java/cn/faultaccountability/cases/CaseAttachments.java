package cn.faultaccountability.cases;

import cn.faultaccountability.cases.CaseRepository.CaseRow;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence and documents of a case (SPEC §2: facts and evidence; the decision document), kept as engine attachments
 * of the case's tasks. Uploading goes through the engine's attachment API as the user, onto an open task of the case
 * the user works on (assignee or candidate); listing and downloading are for anyone who sees the case (tenant check of
 * {@link CaseAccess}).
 */
@RestController
public class CaseAttachments {

  static final long MAX_BYTES = 20L * 1024 * 1024;
  static final List<String> CATEGORIES = List.of("证据", "文书", "其他");

  private static final String ID_MARK = "；附件编号 ";
  private final CaseAccess access;
  private final TaskService taskService;
  private final CaseRepository cases;
  private final org.camunda.bpm.engine.IdentityService identityService;

  public CaseAttachments(CaseAccess access, TaskService taskService, CaseRepository cases,
      org.camunda.bpm.engine.IdentityService identityService) {
    this.identityService = identityService;
    this.access = access;
    this.cases = cases;
    this.taskService = taskService;
  }

  /** Attachments of the case, newest last, with a download link each. */
  public List<Map<String, Object>> list(CaseRow row) {
    List<Attachment> attachments = access.asSystem(() -> taskService.getProcessInstanceAttachments(
        row.processInstanceId()));
    // the engine keeps no uploader on an attachment: our history records who added which (ATTACHMENT_ADDED)
    Map<String, Object> uploaders = new java.util.HashMap<>();
    for (Map<String, Object> event : cases.events(row.id())) {
      String detail = String.valueOf(event.get("detail"));
      if ("ATTACHMENT_ADDED".equals(event.get("event_type")) && detail.contains(ID_MARK)) {
        uploaders.put(detail.substring(detail.lastIndexOf(ID_MARK) + ID_MARK.length()), event.get("actor"));
      }
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Attachment a : attachments.stream().sorted((x, y) -> x.getCreateTime().compareTo(y.getCreateTime()))
        .toList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", a.getId());
      m.put("name", a.getName());
      m.put("type", a.getType());
      m.put("description", a.getDescription());
      m.put("taskId", a.getTaskId());
      m.put("uploadedBy", uploaders.get(a.getId()));
      m.put("uploadedAt", a.getCreateTime());
      m.put("url", "/api/cases/" + row.businessKey() + "/attachments/" + a.getId());
      result.add(m);
    }
    return result;
  }

  @GetMapping("/api/cases/{businessKey}/attachments")
  public List<Map<String, Object>> attachments(@PathVariable String businessKey) {
    return list(access.visibleCase(businessKey));
  }

  @PostMapping(path = "/api/cases/{businessKey}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @org.springframework.transaction.annotation.Transactional
  public ResponseEntity<Map<String, Object>> upload(@PathVariable String businessKey,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(value = "category", required = false) String category,
      @RequestParam(value = "description", required = false) String description,
      @RequestParam(value = "taskId", required = false) String taskId, HttpServletRequest request)
      throws IOException {
    // a login session alone does not do: a page of another site could post a form with it (CSRF); a script of ours
    // sets this header, which a cross-site form cannot
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getHeader("X-Requested-With") == null) {
      throw new org.camunda.bpm.engine.AuthorizationException("上传须来自本系统页面（X-Requested-With）或使用 HTTP Basic");
    }
    CaseRow row = access.visibleCase(businessKey);
    List<FieldError> errors = new ArrayList<>();
    if (file == null || file.isEmpty()) {
      errors.add(new FieldError("file", "请选择要上传的文件"));
    } else if (file.getSize() > MAX_BYTES) {
      errors.add(new FieldError("file", "文件不得超过 20 MB"));
    }
    if (category == null || !CATEGORIES.contains(category)) {
      errors.add(new FieldError("category", "请选择类别：" + String.join("、", CATEGORIES)));
    }
    if (description != null && description.length() > 4000) {
      errors.add(new FieldError("description", "说明不得超过 4000 个字符"));
    }
    // an open task of this case that the user works on: the engine's attachment command checks no authorization of
    // its own, so reading the task (engine authorization) and being its assignee or candidate is checked here
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(row.processInstanceId()).list().stream()
        .filter(this::worksOn).toList();
    Optional<Task> task = taskId == null || taskId.isBlank() ? tasks.stream().findFirst()
        : tasks.stream().filter(t -> t.getId().equals(taskId)).findFirst();
    if (task.isEmpty()) {
      errors.add(new FieldError("taskId", taskId == null || taskId.isBlank()
          ? "您在本案没有可办理的任务，不能上传附件" : "任务 " + taskId + " 不是您在本案可办理的任务"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String text = category + (description == null || description.isBlank() ? "" : "：" + description.strip());
    Attachment attachment;
    try (InputStream in = file.getInputStream()) {
      attachment = taskService.createAttachment(file.getContentType() == null ? "application/octet-stream"
          : file.getContentType(), task.get().getId(), row.processInstanceId(), fileName(file), text, in);
    }
    cases.event(row.id(), "ATTACHMENT_ADDED", access.userId(), "上传" + category + "《" + attachment.getName() + "》"
        + ID_MARK + attachment.getId());
    String url = "/api/cases/" + businessKey + "/attachments/" + attachment.getId();
    return ResponseEntity.created(URI.create(url)).body(Map.of("id", attachment.getId(), "name",
        attachment.getName(), "taskId", task.get().getId(), "url", url));
  }

  @GetMapping("/api/cases/{businessKey}/attachments/{attachmentId}")
  public ResponseEntity<InputStreamResource> download(@PathVariable String businessKey,
      @PathVariable String attachmentId) {
    CaseRow row = access.visibleCase(businessKey);
    Attachment attachment = access.asSystem(() -> taskService.getAttachment(attachmentId));
    if (attachment == null || !row.processInstanceId().equals(attachment.getProcessInstanceId())) {
      throw new ApiErrors.CaseNotFound(businessKey + " 的附件 " + attachmentId);
    }
    InputStream content = access.asSystem(() -> taskService.getAttachmentContent(attachmentId));
    if (content == null) {
      throw new ApiErrors.CaseNotFound(businessKey + " 的附件 " + attachmentId);
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(attachment.getType());
    } catch (RuntimeException e) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
        .attachment().filename(attachment.getName(), StandardCharsets.UTF_8).build().toString())
        .body(new InputStreamResource(content));
  }

  /** A small upload page, linked from every task form's case summary. */
  @GetMapping(path = "/api/cases/{businessKey}/attachments/upload", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> uploadPage(@PathVariable String businessKey,
      @RequestParam(value = "task", required = false) String taskId) {
    CaseRow row = access.visibleCase(businessKey);
    String key = escape(row.businessKey());
    StringBuilder list = new StringBuilder();
    for (Map<String, Object> a : list(row)) {
      list.append("<li><a href=\"").append(escape((String) a.get("url"))).append("\">")
          .append(escape((String) a.get("name"))).append("</a> · ").append(escape(String.valueOf(a.get("description"))))
          .append(" · ").append(escape(String.valueOf(a.get("uploadedBy")))).append(" · ")
          .append(a.get("uploadedAt")).append("</li>");
    }
    String html = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>案件附件 %1$s</title>
        <style>body{font-family:sans-serif;margin:2em;max-width:50em}label{display:block;margin:.8em 0 .2em}</style>
        </head><body><h1>案件 %1$s 的附件</h1><ul id="list">%2$s</ul>
        <h2>上传证据或文书</h2>
        <form id="upload" method="post" enctype="multipart/form-data" action="/api/cases/%1$s/attachments">
        <input type="hidden" name="taskId" value="%3$s">
        <label for="file">文件（不超过 20 MB）</label><input id="file" name="file" type="file" required>
        <label for="category">类别</label><select id="category" name="category"><option>证据</option><option>文书</option><option>其他</option></select>
        <label for="description">说明</label><textarea id="description" name="description" rows="3" cols="60"></textarea>
        <p><button type="submit">上传</button></p></form><p id="result"></p>
        <script>
        document.getElementById('upload').addEventListener('submit', async function (e) {
          e.preventDefault();
          const response = await fetch(this.action, {method: 'POST', body: new FormData(this), credentials: 'same-origin',
            headers: {'X-Requested-With': 'fault-accountability'}});
          const body = await response.json();
          document.getElementById('result').textContent = response.ok ? '已上传：' + body.name
            : '上传失败：' + (body.errors && body.errors.length ? body.errors.map(x => x.message).join('；') : body.message);
          if (response.ok) { location.reload(); }
        });
        </script></body></html>
        """.formatted(key, list, escape(taskId == null ? "" : taskId));
    return ResponseEntity.status(HttpStatus.OK).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(html);
  }

  private boolean worksOn(Task task) {
    org.camunda.bpm.engine.impl.identity.Authentication user = identityService.getCurrentAuthentication();
    if (user == null) {
      return false;
    }
    if (user.getUserId().equals(task.getAssignee())) {
      return true;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return access.asSystem(() -> taskService.getIdentityLinksForTask(task.getId())).stream()
        .filter(l -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(l.getType()))
        .anyMatch(l -> user.getUserId().equals(l.getUserId()) || groups.contains(l.getGroupId()));
  }

  private static String fileName(MultipartFile file) {
    String name = file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      return "附件";
    }
    name = name.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
