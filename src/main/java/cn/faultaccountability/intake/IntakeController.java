package cn.faultaccountability.intake;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseAccess;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.Dates;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.deadlines.DeadlineService;
import cn.faultaccountability.platform.Jurisdiction;
import cn.faultaccountability.platform.JurisdictionTenantIdProvider;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake of a lead (SPEC §5): checks it, creates the case and starts the procedure in the lead's jurisdiction, all in
 * one transaction, and answers with the business key. A refused lead leaves no case row and no process instance.
 */
@RestController
public class IntakeController {

  private final RuntimeService runtimeService;
  private final CaseRepository cases;
  private final CaseAccess access;

  public IntakeController(RuntimeService runtimeService, CaseRepository cases, CaseAccess access) {
    this.runtimeService = runtimeService;
    this.cases = cases;
    this.access = access;
  }

  public record IntakeResult(String businessKey, String tenantId, String processInstanceId, String caseUrl) {}

  @PostMapping("/api/cases")
  @Transactional
  public ResponseEntity<IntakeResult> intake(@RequestBody Map<String, Object> body) {
    Object tenant = body.get("tenant");
    if (tenant == null || Jurisdiction.byTenantId(tenant.toString()).isEmpty()) {
      throw new InvalidInputException("tenant", tenant == null ? "必填（jilin、mingshan、changzhou、jinan）"
          : "未知辖区“" + tenant + "”");
    }
    String tenantId = tenant.toString();
    if (!access.tenants().contains(tenantId)) {
      throw new InvalidInputException(List.of(new FieldError("tenant", "您不属于辖区“" + tenantId + "”")));
    }
    Lead lead = Lead.from(body, DeadlineService.today());
    String businessKey = cases.nextBusinessKey(tenantId, DeadlineService.today().getYear());
    Map<String, Object> variables = new HashMap<>();
    variables.put(JurisdictionTenantIdProvider.VAR_TENANT_ID, tenantId);
    variables.put(ProcessConstants.VAR_SOURCE, lead.source().name());
    variables.put(ProcessConstants.VAR_ACT_DESCRIPTION, lead.actDescription());
    variables.put(ProcessConstants.VAR_UNIT_NAME, lead.unitName());
    variables.put(ProcessConstants.VAR_FAULT_ENDED_ON, Dates.toDate(lead.faultEndedOn()));
    variables.put(ProcessConstants.VAR_DISCOVERED_ON, Dates.toDate(lead.discoveredOn()));
    variables.put(ProcessConstants.VAR_COMPLAINANT_CONTACT, lead.complainantContact());
    variables.put(ProcessConstants.VAR_PARTIES, JsonVariables.json(lead.parties().stream().map(p -> {
      Map<String, Object> party = new LinkedHashMap<>();
      party.put("type", p.type());
      party.put("name", p.name());
      party.put("role", p.role() == null ? null : p.role().name());
      party.put("unitName", p.unitName());
      party.put("leadUnit", p.leadUnit());
      return party;
    }).toList()));
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(ProcessConstants.PROCESS_FAULT_ACCOUNTABILITY)
        .processDefinitionWithoutTenantId().businessKey(businessKey).setVariables(variables).execute();
    String url = "/api/cases/" + businessKey;
    return ResponseEntity.created(URI.create(url))
        .body(new IntakeResult(businessKey, tenantId, instance.getProcessInstanceId(), url));
  }
}
