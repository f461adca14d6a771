package cn.faultaccountability.audit;

import cn.faultaccountability.audit.DeploymentAuditRepository.DeployedDecision;
import cn.faultaccountability.cases.ApiErrors;
import cn.faultaccountability.cases.CaseAccess;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.platform.Jurisdiction;
import cn.faultaccountability.platform.StaffRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit of decision-table deployments ({@code GET /api/audit/deployments}): who deployed which version of which
 * table, when, for administrators and for the decision administrators and managers of a tenant — each sees only the
 * tenants where they hold one of these roles.
 */
@RestController
public class AuditController {

  static final int MAX_LIMIT = 1000;
  /** A DMN decision id (an XML name, as our tables use them). */
  private static final java.util.regex.Pattern DECISION_KEY =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");

  private final DeploymentAuditRepository audit;
  private final CaseAccess access;
  private final IdentityService identityService;

  public AuditController(DeploymentAuditRepository audit, CaseAccess access, IdentityService identityService) {
    this.audit = audit;
    this.access = access;
    this.identityService = identityService;
  }

  /** The caller may not read this tenant's audit (or holds no audit role anywhere). */
  static class AuditRefused extends RuntimeException {
    AuditRefused(String message) {
      super(message);
    }
  }

  @ExceptionHandler(AuditRefused.class)
  ResponseEntity<Map<String, Object>> refused(AuditRefused e) {
    return ApiErrors.body(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), List.of(new FieldError("tenant",
        e.getMessage())));
  }

  @GetMapping("/api/audit/deployments")
  public Map<String, Object> deployments(@RequestParam(required = false) String tenant,
      @RequestParam(required = false) String key, @RequestParam(required = false) String limit) {
    boolean administrator = groups().contains(Groups.CAMUNDA_ADMIN);
    List<String> readable = readableTenants(administrator);
    if (readable.isEmpty() && !administrator) {
      throw new AuditRefused("部署审计只对管理员、本辖区决策表管理员和管理人员开放");
    }
    List<String> scope = readable;
    if (tenant != null) {
      if (!readable.contains(tenant)) {
        throw new AuditRefused("您无权查看辖区 " + abbreviate(tenant) + " 的部署审计");
      }
      scope = List.of(tenant);
    }
    int rows = limit(limit);
    if (key != null && !DECISION_KEY.matcher(key).matches()) {
      throw new InvalidInputException("key", "决策表 key 应为 1 到 255 个字母、数字、下划线、连字符或点，以字母或下划线开头");
    }
    // decision tables without tenant can only be deployed by administrators (DeploymentGuard): only they see them
    List<DeployedDecision> found = audit.deployments(scope, administrator && tenant == null, key, rows);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tenants", scope);
    result.put("deployments", grouped(found));
    return result;
  }

  /** One entry per deployment, newest first, with the table versions it created. */
  private static List<Map<String, Object>> grouped(List<DeployedDecision> found) {
    Map<String, Map<String, Object>> deployments = new LinkedHashMap<>();
    for (DeployedDecision d : found) {
      Map<String, Object> deployment = deployments.computeIfAbsent(d.deploymentId(), id -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deploymentId", d.deploymentId());
        m.put("deploymentName", d.deploymentName());
        m.put("deploymentSource", d.deploymentSource());
        m.put("tenantId", d.tenantId());
        m.put("deployedBy", d.deployedBy());
        m.put("deployedAt", d.deployedAt());
        m.put("decisions", new ArrayList<Map<String, Object>>());
        return m;
      });
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> decisions = (List<Map<String, Object>>) deployment.get("decisions");
      decisions.add(decision(d));
    }
    return new ArrayList<>(deployments.values());
  }

  /** A table version as the audit and the case view show it. */
  public static Map<String, Object> decision(DeployedDecision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", d.key());
    m.put("version", d.version());
    m.put("versionTag", d.versionTag());
    m.put("definitionId", d.definitionId());
    m.put("resourceName", d.resourceName());
    m.put("sha256", d.sha256());
    m.put("sameContentAsVersion", d.sameContentAsVersion());
    return m;
  }

  /** Tenants of the caller where they are administrator, decision administrator or manager. */
  private List<String> readableTenants(boolean administrator) {
    List<String> groups = groups();
    List<String> readable = new ArrayList<>();
    for (String tenant : access.tenants()) {
      if (administrator || Jurisdiction.byTenantId(tenant).map(j -> groups.contains(
          StaffRole.DECISION_ADMIN.groupId(j)) || groups.contains(StaffRole.MANAGER.groupId(j))).orElse(false)) {
        readable.add(tenant);
      }
    }
    return readable.stream().sorted().toList();
  }

  private List<String> groups() {
    Authentication current = identityService.getCurrentAuthentication();
    return current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
  }

  private static int limit(String limit) {
    if (limit == null) {
      return 200;
    }
    try {
      int value = Integer.parseInt(limit.strip());
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("limit", "条数应为 1 到 " + MAX_LIMIT + " 的整数");
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
