package cn.faultaccountability.platform;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import cn.faultaccountability.ProcessConstants;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.TaskPermissions;

/**
 * The roles of SPEC §1/§5. Each role is a group per tenant ({@code <tenant>-<code>}); the grants listed here are
 * the whole of what the group may do (docs/security.md explains them). Tasks themselves are granted per task by the
 * engine to the candidate groups they are assigned to; tenant checks keep every grant inside the group's tenant.
 */
public enum StaffRole {
  INTAKE_CLERK("intake-clerk", "线索受理员",
      List.of(tasklist(), savedFilters(),
          grant(PROCESS_DEFINITION, ProcessConstants.PROCESS_FAULT_ACCOUNTABILITY,
              ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
          grant(PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE))),
  INVESTIGATOR("investigator", "调查人员",
      List.of(tasklist(), savedFilters(), readProcessDefinition())),
  SUPERVISION_HEAD("supervision-head", "监督机构负责人",
      List.of(tasklist(), savedFilters(),
          grant(PROCESS_DEFINITION, ProcessConstants.PROCESS_FAULT_ACCOUNTABILITY, ProcessDefinitionPermissions.READ,
              ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
          grant(PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ), readEvaluation())),
  GOVERNMENT_APPROVER("government-approver", "政府审批人",
      List.of(tasklist(), savedFilters(), readProcessDefinition(), readEvaluation())),
  HR_CLERK("hr-clerk", "人事备案员",
      List.of(tasklist(), savedFilters(), readProcessDefinition())),
  UNIT_LIAISON("unit-liaison", "被追究单位联络员",
      List.of(tasklist(), savedFilters(), readProcessDefinition(), readEvaluation())),
  MANAGER("manager", "管理人员",
      List.of(tasklist(), savedFilters(), cockpit(),
          grant(PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
              ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
          grant(PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ),
          grant(TASK, "*", TaskPermissions.READ),
          grant(DEPLOYMENT, "*", Permissions.READ),
          grant(DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY))),
  DECISION_ADMIN("decision-admin", "决策表管理员",
      List.of(cockpit(),
          grant(DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ, Permissions.DELETE),
          grant(DECISION_DEFINITION, "*", Permissions.READ, Permissions.UPDATE, Permissions.CREATE_INSTANCE,
              Permissions.READ_HISTORY),
          grant(DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ)));

  private final String code;
  private final String chineseName;
  private final List<Grant> grants;

  StaffRole(String code, String chineseName, List<Grant> grants) {
    this.code = code;
    this.chineseName = chineseName;
    this.grants = grants;
  }

  public String code() {
    return code;
  }

  public String chineseName() {
    return chineseName;
  }

  public List<Grant> grants() {
    return grants;
  }

  /** The group of this role in a tenant, e.g. {@code jinan-intake-clerk}; also the candidate group of its tasks. */
  public String groupId(Jurisdiction jurisdiction) {
    return jurisdiction.tenantId() + "-" + code;
  }

  /** One authorization row: the permissions a group holds on a resource. */
  public record Grant(Resource resource, String resourceId, List<Permission> permissions) {}

  private static Grant grant(Resource resource, String resourceId, Permission... permissions) {
    return new Grant(resource, resourceId, List.of(permissions));
  }

  private static Grant tasklist() {
    return grant(APPLICATION, "tasklist", Permissions.ACCESS);
  }

  /** Tasklist's shared filters (我的待办, 本组待办, 即将超期, 已超期): read, not change. */
  private static Grant savedFilters() {
    return grant(FILTER, "*", Permissions.READ);
  }

  private static Grant cockpit() {
    return grant(APPLICATION, "cockpit", Permissions.ACCESS);
  }

  /** Jilin's annual evaluation: its tasks go to the unit's liaison, the supervision head and the government. */
  private static Grant readEvaluation() {
    return grant(PROCESS_DEFINITION, ProcessConstants.PROCESS_RESPONSIBILITY_EVALUATION,
        ProcessDefinitionPermissions.READ);
  }

  private static Grant readProcessDefinition() {
    return grant(PROCESS_DEFINITION, ProcessConstants.PROCESS_FAULT_ACCOUNTABILITY, ProcessDefinitionPermissions.READ);
  }
}
