package cn.faultaccountability.investigation;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.ApiErrors;
import cn.faultaccountability.cases.CaseAccess;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.CaseRepository.CaseRow;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A respondent's request that an investigator recuse (Jinan 18, Changzhou 30); it goes to the head during the investigation. */
@RestController
public class RecusalRequestController {

  private final RuntimeService runtimeService;
  private final CaseAccess access;
  private final CaseRepository cases;

  public RecusalRequestController(RuntimeService runtimeService, CaseAccess access, CaseRepository cases) {
    this.runtimeService = runtimeService;
    this.access = access;
    this.cases = cases;
  }

  @PostMapping("/api/cases/{businessKey}/recusal-requests")
  @Transactional
  public ResponseEntity<Map<String, Object>> request(@PathVariable String businessKey,
      @RequestBody Map<String, Object> body) {
    CaseRow row = access.visibleCase(businessKey);
    List<FieldError> errors = new ArrayList<>();
    Object investigator = body.get("investigator");
    Object grounds = body.get("grounds");
    if (!(investigator instanceof String name) || name.isBlank() || name.length() > 100) {
      errors.add(new FieldError("investigator", "请填写申请回避的调查人员（不超过 100 字）"));
    }
    if (!(grounds instanceof String g) || g.isBlank() || g.length() > 4000) {
      errors.add(new FieldError("grounds", "请写明申请回避的理由（不超过 4000 字）"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    boolean investigating = access.asSystem(() -> runtimeService.createEventSubscriptionQuery()
        .processInstanceId(row.processInstanceId()).eventName(ProcessConstants.MESSAGE_RECUSAL_REQUEST).count() > 0);
    if (!investigating) {
      throw new ApiErrors.Conflict("本案不在调查处理阶段，不能申请回避", Map.of());
    }
    access.asSystem(() -> runtimeService.createMessageCorrelation(ProcessConstants.MESSAGE_RECUSAL_REQUEST)
        .processInstanceId(row.processInstanceId())
        .setVariable(ProcessConstants.VAR_RECUSED_INVESTIGATOR, investigator.toString())
        .setVariable(ProcessConstants.VAR_RECUSAL_GROUNDS, grounds)
        .correlateWithResult());
    cases.event(row.id(), "RECUSAL_REQUESTED", access.userId(), "申请 " + investigator + " 回避：" + grounds);
    return ResponseEntity.accepted().body(Map.of("businessKey", businessKey, "message", "回避申请已提交监督机构负责人"));
  }
}
