package cn.faultaccountability.evaluation;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps what evaluation-grade decided (grade, consequence, basis) in the unit's history; the process follows it. */
@Component
public class RecordEvaluationGradeDelegate implements JavaDelegate {

  private final EvaluationRepository evaluations;

  public RecordEvaluationGradeDelegate(EvaluationRepository evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(EvaluationVariables.EVALUATION_ID)).longValue();
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(EvaluationVariables.GRADE_RESULT);
    if (result == null || result.get("grade") == null || result.get("consequence") == null) {
      // the score was checked to be 0-100, which every grade table must cover: a revision broke the table
      throw new ProcessEngineException("吉林市评议考核等级表（evaluation-grade）对得分 "
          + execution.getVariable(EvaluationVariables.SCORE) + "、上一年度等级 "
          + execution.getVariable(EvaluationVariables.PREVIOUS_GRADE) + " 没有给出等级和处理，请决策表管理员检查该表");
    }
    evaluations.update(id, "grade", result.get("grade"));
    evaluations.update(id, "consequence", result.get("consequence"));
    evaluations.update(id, "basis", result.get("basis"));
    execution.setVariable(EvaluationVariables.GRADE, result.get("grade"));
    execution.setVariable(EvaluationVariables.CONSEQUENCE, result.get("consequence"));
  }
}
