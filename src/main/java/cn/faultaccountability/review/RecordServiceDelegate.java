package cn.faultaccountability.review;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.Dates;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.deadlines.DeadlineService;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the day the respondents received the decision: the review window runs from it (Jilin 14, Jinan 21). */
@Component
public class RecordServiceDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public RecordServiceDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    LocalDate served;
    try {
      served = Dates.toLocalDate(execution.getVariable(ProcessConstants.VAR_SERVICE_DATE));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(ProcessConstants.VAR_SERVICE_DATE, e.getMessage());
    }
    if (served == null) {
      throw new InvalidInputException(ProcessConstants.VAR_SERVICE_DATE, "请填写送达日期");
    }
    LocalDate decided = ((java.time.LocalDateTime) cases.get(caseId).details().get("decided_at")).toLocalDate();
    if (served.isBefore(decided) || served.isAfter(DeadlineService.today())) {
      throw new InvalidInputException(ProcessConstants.VAR_SERVICE_DATE,
          "送达日期应在决定作出日 " + decided + " 与今天 " + DeadlineService.today() + " 之间");
    }
    execution.setVariable(ProcessConstants.VAR_SERVICE_DATE, Dates.toDate(served));
    cases.update(caseId, "served_on", served);
    cases.event(caseId, "SERVED", Actors.current(execution), "处理决定于 " + served + " 送达");
  }
}
