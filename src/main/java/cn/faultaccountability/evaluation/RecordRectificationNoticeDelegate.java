package cn.faultaccountability.evaluation;

import cn.faultaccountability.cases.Dates;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.deadlines.DeadlineService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Art. 32(3): the rectification notice and its deadline. The follow-up timer fires at the start of the day after
 * the deadline, when the justice bureau is to press for the rectification.
 */
@Component
public class RecordRectificationNoticeDelegate implements JavaDelegate {

  private final EvaluationRepository evaluations;

  public RecordRectificationNoticeDelegate(EvaluationRepository evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(EvaluationVariables.EVALUATION_ID)).longValue();
    String notice = RecordEvaluationStepDelegate.text(execution.getVariable(EvaluationVariables.RECTIFICATION_NOTICE),
        EvaluationVariables.RECTIFICATION_NOTICE, "整改通知书", 2000);
    LocalDate due;
    try {
      due = Dates.toLocalDate(execution.getVariable(EvaluationVariables.RECTIFICATION_DUE_DATE));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(EvaluationVariables.RECTIFICATION_DUE_DATE, e.getMessage());
    }
    if (due == null) {
      throw new InvalidInputException(EvaluationVariables.RECTIFICATION_DUE_DATE, "请填写整改期限");
    }
    if (!due.isAfter(DeadlineService.today())) {
      throw new InvalidInputException(EvaluationVariables.RECTIFICATION_DUE_DATE,
          "整改期限应在今天（" + DeadlineService.today() + "）之后");
    }
    evaluations.update(id, "rectification_notice", notice);
    evaluations.update(id, "rectification_due_on", due);
    execution.setVariable(EvaluationVariables.RECTIFICATION_DUE_DATE, Dates.toDate(due));
    execution.setVariable(EvaluationVariables.RECTIFICATION_OVERDUE_AT,
        Date.from(due.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
  }
}
