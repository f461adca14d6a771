package cn.faultaccountability.deadlines;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.calendar.DeadlineStage;
import cn.faultaccountability.cases.CaseRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the deadline of the stage named by the task's input {@code stage}. The triggering event is today (filing,
 * transfer, review application, ...) except where the period runs from the respondent's receipt of the decision:
 * the review application (Jilin 14, Jinan 21, Changzhou 33) and the execution report.
 */
@Component
public class StartDeadlineDelegate implements JavaDelegate {

  private static final Set<DeadlineStage> FROM_SERVICE =
      Set.of(DeadlineStage.REVIEW_APPLICATION, DeadlineStage.EXECUTION_REPORT);
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
    LocalDate event = DeadlineService.today();
    if (FROM_SERVICE.contains(stage)) {
      Date served = (Date) execution.getVariable(ProcessConstants.VAR_SERVICE_DATE);
      event = served.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    deadlines.start(execution, stage, event);
    if (CASE_STAGES.contains(stage)) {
      cases.setStage((Long) execution.getVariable(ProcessConstants.VAR_CASE_ID), stage.name());
    }
  }
}
