package cn.faultaccountability.deadlines;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The head approved an extension (Jinan 19, Changzhou 33): the due date moves, within the table's maxExtension. */
@Component
public class ExtendDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;

  public ExtendDeadlineDelegate(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object requested = execution.getVariable(ProcessConstants.VAR_EXTENSION);
    Period length;
    try {
      // a number of days (the form's number field) or an ISO-8601 period such as P30D (engine REST)
      length = requested instanceof Number days && days.doubleValue() == Math.rint(days.doubleValue())
          ? Period.ofDays(days.intValue()) : Period.parse(String.valueOf(requested));
    } catch (DateTimeParseException e) {
      throw new DeadlineRefusedException(ProcessConstants.VAR_EXTENSION,
          "延长期限“" + requested + "”无效：请填写天数，例如 P30D（30日）");
    }
    deadlines.extend(execution, (String) execution.getVariableLocal("stage"), length,
        (String) execution.getVariable(ProcessConstants.VAR_REASON), Actors.current(execution));
  }
}
