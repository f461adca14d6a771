package cn.faultaccountability.deadlines;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.calendar.DeadlineStage;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.Dates;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the deadline of the stage named by the task's input {@code stage}, counted from the task's input
 * {@code eventDate} where the BPMN names the triggering event (e.g. the decision's receipt), otherwise from today
 * (filing, transfer, review application, ...).
 */
@Component
public class StartDeadlineDelegate implements JavaDelegate {

  /** Stages that are also what the case view and the dashboard call the case's stage. */
  private static final Set<DeadlineStage> CASE_STAGES = Set.of(DeadlineStage.PRELIMINARY_CHECK,
      DeadlineStage.TRANSFERRED_UNIT_DECISION, DeadlineStage.DECISION_AFTER_FILING);

  private final DeadlineService deadlines;
  private final CaseRepository cases;

  public StartDeadlineDelegate(DeadlineService deadlines, CaseRepository cases) {
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeadlineStage stage = DeadlineStage.valueOf((String) execution.getVariableLocal("stage"));
    LocalDate named = Dates.toLocalDate(execution.getVariableLocal("eventDate"));
    LocalDate event = named != null ? named : DeadlineService.today();
    deadlines.start(execution, stage, event);
    if (CASE_STAGES.contains(stage)) {
      cases.setStage((Long) execution.getVariable(ProcessConstants.VAR_CASE_ID), stage.name());
    }
  }
}
