package cn.faultaccountability.investigation;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.platform.StaffRole;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * Separation of duties: whoever investigates a case does not approve or decide on it. A user who is in both the
 * investigator group and the supervision-head (or government-approver) group of a tenant cannot complete a head's or
 * the government's task — filing, extension and suspension approvals, recusal and review decisions, determination,
 * supervision — on a case where they are an investigator: named among the case's investigators, or assigned to or
 * having completed one of its investigator tasks (核查, 调查取证). Listens to the end of those user tasks (their
 * completion, in the same transaction) and refuses with a Chinese message; the task stays open for another head.
 */
public class InvestigatorIsNotApprover implements ExecutionListener {

  private static final Set<String> APPROVING_ROLES = Set.of(StaffRole.SUPERVISION_HEAD.code(),
      StaffRole.GOVERNMENT_APPROVER.code());

  private final CaseRepository cases;
  private final InvestigatorRecusal investigators;

  public InvestigatorIsNotApprover(CaseRepository cases, InvestigatorRecusal investigators) {
    this.cases = cases;
    this.investigators = investigators;
  }

  /** A user task offered to an approving role ({@code ${execution.tenantId}-supervision-head}, ...). */
  public static boolean approves(Set<Expression> candidateGroups) {
    return hasRole(candidateGroups, APPROVING_ROLES);
  }

  private static boolean hasRole(Set<Expression> candidateGroups, Set<String> roles) {
    return candidateGroups != null && candidateGroups.stream().map(Expression::getExpressionText)
        .anyMatch(text -> roles.stream().anyMatch(role -> text.endsWith("-" + role)));
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (execution.isCanceled() || user == null || user.getUserId() == null
        || !(execution.getVariable(ProcessConstants.VAR_CASE_ID) instanceof Number caseId)) {
      return;
    }
    String userId = user.getUserId();
    // the caller may not read other users or the case's history: the facts are looked up as the system
    String how = Context.getCommandContext().runWithoutAuthorization(() -> investigatorOfCase(execution,
        caseId.longValue(), userId));
    if (how != null) {
      throw new AuthorizationException("您（" + userId + "）" + how + "，不能办理本案的“"
          + execution.getCurrentActivityName() + "”：调查与审批、认定须由不同的人负责，请由其他负责人办理");
    }
  }

  /** How the user is an investigator of the case, or null. */
  private String investigatorOfCase(DelegateExecution execution, long caseId, String userId) {
    Object named = cases.get(caseId).details().get("investigators");
    if (named != null) {
      Set<String> user = investigators.namesOf(userId);
      if (Arrays.stream(named.toString().split(",")).filter(i -> !i.isBlank())
          .anyMatch(i -> InvestigatorRecusal.named(i).stream().anyMatch(user::contains))) {
        return "是本案登记的调查人员";
      }
    }
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    Set<String> taskKeys = new LinkedHashSet<>();
    history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .taskAssignee(userId).list().forEach(t -> taskKeys.add(t.getTaskDefinitionKey()));
    // completed without claiming (engine REST): the user operation log names who completed
    for (UserOperationLogEntry entry : history.createUserOperationLogQuery()
        .processInstanceId(execution.getProcessInstanceId()).userId(userId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
      if (entry.getTaskId() != null) {
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(entry.getTaskId())
            .singleResult();
        if (task != null) {
          taskKeys.add(task.getTaskDefinitionKey());
        }
      }
    }
    var definition = ((ExecutionEntity) execution).getProcessDefinition();
    for (String key : taskKeys) {
      ActivityImpl activity = definition.findActivity(key);
      if (activity != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask
          && hasRole(userTask.getTaskDefinition().getCandidateGroupIdExpressions(),
              Set.of(StaffRole.INVESTIGATOR.code()))) {
        return "办理过本案的“" + activity.getName() + "”";
      }
    }
    return null;
  }
}
