package cn.faultaccountability.determination;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A transfer to judicial organs (suspected crime) or discipline inspection / supervision organs (Jilin 13, Jinan 23,
 * Changzhou 34) is recorded; the case goes on for its administrative part.
 */
@Component
public class RecordTransferDelegate implements JavaDelegate {

  private final CaseRepository cases;

  public RecordTransferDelegate(CaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object organ = execution.getVariable(ProcessConstants.VAR_TRANSFER_ORGAN);
    if (organ == null || organ.toString().isBlank()) {
      throw new InvalidInputException(ProcessConstants.VAR_TRANSFER_ORGAN, "请填写接收移送的机关");
    }
    String what = Boolean.TRUE.equals(execution.getVariable(ProcessConstants.VAR_CRIME_SUSPECTED))
        ? "涉嫌犯罪，移送司法机关" : "应当追究政纪责任，移送纪检监察机关";
    cases.event((Long) execution.getVariable(ProcessConstants.VAR_CASE_ID), "TRANSFERRED", Actors.current(execution),
        what + "：" + organ + "；行政部分继续办理");
  }
}
