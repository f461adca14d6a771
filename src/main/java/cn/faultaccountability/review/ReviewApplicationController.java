package cn.faultaccountability.review;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseAccess;
import cn.faultaccountability.cases.ApiErrors;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.CaseRepository.CaseRow;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.deadlines.DeadlineRepository;
import cn.faultaccountability.deadlines.DeadlineService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A respondent's application for review (复核; Jilin 14, Jinan 21, Changzhou 33), recorded by staff of the case's
 * jurisdiction. Accepted while the review window is open (message {@code ReviewApplication}); after it → 409 with the
 * window's due date.
 */
@RestController
public class ReviewApplicationController {

  private final RuntimeService runtimeService;
  private final CaseAccess access;
  private final CaseRepository cases;
  private final DeadlineRepository deadlines;

  public ReviewApplicationController(RuntimeService runtimeService, CaseAccess access, CaseRepository cases,
      DeadlineRepository deadlines) {
    this.runtimeService = runtimeService;
    this.access = access;
    this.cases = cases;
    this.deadlines = deadlines;
  }

  @PostMapping("/api/cases/{businessKey}/review-applications")
  @Transactional
  public ResponseEntity<Map<String, Object>> apply(@PathVariable String businessKey,
      @RequestBody Map<String, Object> body) {
    CaseRow row = access.visibleCase(businessKey);
    List<FieldError> errors = new ArrayList<>();
    String applicant = text(body.get("applicant"), "applicant", 200, errors);
    String grounds = text(body.get("grounds"), "grounds", 4000, errors);
    if (applicant != null && cases.parties(row.id()).stream().noneMatch(p -> p.name().equals(applicant))) {
      errors.add(new FieldError("applicant", "“" + applicant + "”不是本案被追究的单位或人员"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    boolean windowOpen = access.asSystem(() -> runtimeService.createEventSubscriptionQuery()
        .processInstanceId(row.processInstanceId()).eventType("message")
        .eventName(ProcessConstants.MESSAGE_REVIEW_APPLICATION).count() > 0);
    if (!windowOpen) {
      Map<String, Object> details = new LinkedHashMap<>();
      deadlines.current(row.id(), "REVIEW_APPLICATION").ifPresent(d -> details.put("dueDate", d.dueOn().toString()));
      throw new ApiErrors.Conflict(details.isEmpty() ? "本案尚未送达处理决定，或不在可申请复核的阶段"
          : "复核申请期限已于 " + details.get("dueDate") + " 届满，不予受理", details);
    }
    access.asSystem(() -> runtimeService.createMessageCorrelation(ProcessConstants.MESSAGE_REVIEW_APPLICATION)
        .processInstanceId(row.processInstanceId())
        .setVariable(ProcessConstants.VAR_REVIEW_APPLICANT, applicant)
        .setVariable(ProcessConstants.VAR_REVIEW_GROUNDS, grounds)
        .correlateWithResult());
    cases.update(row.id(), "review_applied_on", DeadlineService.today());
    cases.event(row.id(), "REVIEW_APPLIED", access.userId(), applicant + " 申请复核：" + grounds);
    return ResponseEntity.accepted().body(Map.of("businessKey", businessKey, "appliedOn",
        DeadlineService.today().toString(), "message", "复核申请已受理"));
  }

  static String text(Object value, String field, int max, List<FieldError> errors) {
    if (value == null || value.toString().isBlank()) {
      errors.add(new FieldError(field, "必填"));
      return null;
    }
    if (!(value instanceof String s) || s.length() > max) {
      errors.add(new FieldError(field, "应为不超过 " + max + " 个字符的文字"));
      return null;
    }
    return s.strip();
  }
}
