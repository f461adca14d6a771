package cn.faultaccountability.intake;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Jinan 16: the unit the case was transferred to reports its decision and result back to the supervision body. */
@Component
public class RecordUnitReportDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public RecordUnitReportDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object report = execution.getVariable(ProcessConstants.VAR_UNIT_REPORT);
    if (report == null || report.toString().isBlank()) {
      throw new InvalidInputException(ProcessConstants.VAR_UNIT_REPORT, "请填写处理决定和处理结果");
    }
    cases.event((Long) execution.getVariable(ProcessConstants.VAR_CASE_ID), "UNIT_REPORTED",
        Actors.current(execution), report.toString());
  }
}
