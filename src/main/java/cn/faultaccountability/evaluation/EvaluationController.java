package cn.faultaccountability.evaluation;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseAccess;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.deadlines.DeadlineService;
import cn.faultaccountability.platform.JurisdictionTenantIdProvider;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jilin's annual evaluation (吉林市行政执法责任制规定第二十八条至第三十二条): one action starts it for all units of a
 * year; the year's results are the circular (Art. 31 para. 2). Starting is for Jilin's supervision head (the justice
 * bureau, Art. 28) or an administrator; a unit already evaluated that year is refused (Art. 29: once a year), and
 * then no unit is started.
 */
@RestController
public class EvaluationController {

  static final String STARTER_GROUP = EvaluationVariables.TENANT + "-supervision-head";
  private static final Map<String, String> GRADES = Map.of("EXCELLENT", "优秀", "GOOD", "良好", "PASS", "及格",
      "FAIL", "不及格");
  private static final Map<String, String> CONSEQUENCES = Map.of("COMMENDATION", "表彰", "NONE", "无",
      "RECTIFICATION_NOTICE", "下发整改通知书", "RECOMMEND_LEADER_REMOVAL", "建议调离或处分主要领导");

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CaseAccess access;
  private final EvaluationRepository evaluations;

  public EvaluationController(RuntimeService runtimeService, IdentityService identityService, CaseAccess access,
      EvaluationRepository evaluations) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.access = access;
    this.evaluations = evaluations;
  }

  public record Started(String unitName, String businessKey, String processInstanceId) {}

  public record StartResult(int year, String tenantId, List<Started> evaluations) {}

  @PostMapping("/api/evaluations/{year}")
  @Transactional
  public ResponseEntity<StartResult> start(@PathVariable int year, @RequestBody Map<String, Object> body) {
    requireStarter();
    List<FieldError> errors = new ArrayList<>();
    int thisYear = DeadlineService.today().getYear();
    if (year < 2000 || year > thisYear) {
      errors.add(new FieldError("year", "评议考核年度应在 2000 年至今年（" + thisYear + " 年）之间"));
    }
    List<String> units = units(body.get("units"), year, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String user = access.userId();
    int sequence = evaluations.countForYear(EvaluationVariables.TENANT, year);
    List<Started> started = new ArrayList<>();
    for (String unit : units) {
      String businessKey = String.format("%s-EVAL-%d-%03d", EvaluationVariables.TENANT.toUpperCase(), year,
          ++sequence);
      long id = evaluations.insert(EvaluationVariables.TENANT, year, unit, businessKey, user);
      Map<String, Object> variables = new HashMap<>();
      variables.put(JurisdictionTenantIdProvider.VAR_TENANT_ID, EvaluationVariables.TENANT);
      variables.put(EvaluationVariables.EVALUATION_ID, id);
      variables.put(EvaluationVariables.UNIT_NAME, unit);
      variables.put(EvaluationVariables.YEAR, year);
      // started by the system on the caller's behalf: the caller's right was checked above
      ProcessInstance instance = access.asSystem(() -> runtimeService
          .createProcessInstanceByKey(ProcessConstants.PROCESS_RESPONSIBILITY_EVALUATION)
          .processDefinitionWithoutTenantId().businessKey(businessKey).setVariables(variables).execute());
      evaluations.update(id, "process_instance_id", instance.getId());
      started.add(new Started(unit, businessKey, instance.getId()));
    }
    return ResponseEntity.created(URI.create("/api/evaluations/" + year))
        .body(new StartResult(year, EvaluationVariables.TENANT, started));
  }

  /** The year's evaluations: grade, consequence and basis once graded (the circular, Art. 31 para. 2). */
  @GetMapping("/api/evaluations/{year}")
  public Map<String, Object> year(@PathVariable int year) {
    if (!access.tenants().contains(EvaluationVariables.TENANT)) {
      throw new AuthorizationException("只有吉林市的工作人员可以查看吉林市的评议考核");
    }
    List<Map<String, Object>> units = new ArrayList<>();
    for (Map<String, Object> row : evaluations.forYear(EvaluationVariables.TENANT, year)) {
      Map<String, Object> unit = new LinkedHashMap<>();
      unit.put("unitName", row.get("unit_name"));
      unit.put("businessKey", row.get("business_key"));
      unit.put("status", row.get("status"));
      unit.put("score", row.get("score") instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : null);
      unit.put("grade", row.get("grade"));
      unit.put("gradeName", row.get("grade") == null ? null : GRADES.get((String) row.get("grade")));
      unit.put("previousGrade", row.get("previous_grade"));
      unit.put("consequence", row.get("consequence"));
      unit.put("consequenceName", row.get("consequence") == null ? null
          : CONSEQUENCES.get((String) row.get("consequence")));
      unit.put("basis", row.get("basis"));
      unit.put("circulatedOn", row.get("circulated_on"));
      unit.put("rectificationDueOn", row.get("rectification_due_on"));
      unit.put("rectifiedOn", row.get("rectified_on"));
      units.add(unit);
    }
    return Map.of("year", year, "tenantId", EvaluationVariables.TENANT, "units", units);
  }

  private void requireStarter() {
    Authentication caller = identityService.getCurrentAuthentication();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (!access.tenants().contains(EvaluationVariables.TENANT)
        || !(groups.contains(STARTER_GROUP) || groups.contains(Groups.CAMUNDA_ADMIN))) {
      throw new AuthorizationException("只有吉林市监督机构负责人或管理员可以启动年度评议考核");
    }
  }

  private List<String> units(Object value, int year, List<FieldError> errors) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      errors.add(new FieldError("units", "必填：列出本年度评议考核的行政执法单位（至少一个）"));
      return List.of();
    }
    Map<String, Integer> units = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String field = "units[" + i + "]";
      Object item = list.get(i);
      if (!(item instanceof String s) || s.isBlank() || s.strip().length() > 200) {
        errors.add(new FieldError(field, "单位名称应为不超过 200 个字符的文字"));
        continue;
      }
      String unit = s.strip();
      Integer earlier = units.putIfAbsent(unit, i);
      if (earlier != null) {
        errors.add(new FieldError(field, "“" + unit + "”与 units[" + earlier + "] 重复：每个单位每年只评议考核一次"));
      } else if (evaluations.exists(EvaluationVariables.TENANT, unit, year)) {
        errors.add(new FieldError(field, "“" + unit + "”的 " + year
            + " 年度评议考核已经启动：每个单位每年只评议考核一次（吉林市行政执法责任制规定第二十九条）"));
      }
    }
    return List.copyOf(units.keySet());
  }
}
