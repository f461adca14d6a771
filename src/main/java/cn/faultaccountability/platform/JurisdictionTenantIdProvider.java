package cn.faultaccountability.platform;

import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.ProcessConstants;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The process definition is shared (deployed without tenant); each instance belongs to its jurisdiction (SPEC §2):
 * the start variable {@code tenantId}, or else the starting user's only tenant. A user can only start cases in a
 * tenant they belong to.
 */
public class JurisdictionTenantIdProvider implements TenantIdProvider {

  public static final String VAR_TENANT_ID = "tenantId";
  private static final Set<String> JURISDICTION_PROCESSES = Set.of(ProcessConstants.PROCESS_FAULT_ACCOUNTABILITY,
      ProcessConstants.PROCESS_RESPONSIBILITY_EVALUATION);

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getProcessDefinition().getTenantId() != null) {
      return ctx.getProcessDefinition().getTenantId();
    }
    if (!JURISDICTION_PROCESSES.contains(ctx.getProcessDefinition().getKey())) {
      return null; // not one of our procedures: left as deployed
    }
    Object requested = ctx.getVariables() == null ? null : ctx.getVariables().get(VAR_TENANT_ID);
    Authentication user = Context.getCommandContext().getAuthentication();
    List<String> userTenants = user == null || user.getTenantIds() == null ? List.of() : user.getTenantIds();
    if (requested != null && !requested.toString().isBlank()) {
      String tenantId = requested.toString();
      if (Jurisdiction.byTenantId(tenantId).isEmpty()) {
        throw new InvalidInputException(VAR_TENANT_ID, "未知辖区“" + tenantId + "”");
      }
      if (user != null && !userTenants.contains(tenantId)) {
        throw new InvalidInputException(VAR_TENANT_ID, "您不属于辖区“" + tenantId + "”，不能在该辖区立案");
      }
      return tenantId;
    }
    if (userTenants.size() == 1) {
      return userTenants.get(0);
    }
    throw new InvalidInputException(VAR_TENANT_ID, "请指定案件所属辖区（tenantId：jilin、mingshan、changzhou、jinan）");
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return ctx.getCaseDefinition().getTenantId();
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    // only asked for decisions deployed without tenant (ours all have one): follow the calling case
    return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
  }
}
