package cn.faultaccountability.evaluation;

import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.InvalidInputException;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The justice bureau's score (Art. 31: 百分制): refused outside 0-100, so the task stays open and nothing is written.
 * Looks up the unit's grade of the previous year for evaluation-grade (Art. 32(4)).
 */
@Component
public class RecordEvaluationScoreDelegate implements JavaDelegate {

  private final EvaluationRepository evaluations;

  public RecordEvaluationScoreDelegate(EvaluationRepository evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(EvaluationVariables.EVALUATION_ID)).longValue();
    BigDecimal score = score(execution.getVariable(EvaluationVariables.SCORE));
    Object notes = execution.getVariable(EvaluationVariables.EVALUATION_NOTES);
    if (notes != null && notes.toString().length() > 4000) {
      throw new InvalidInputException(EvaluationVariables.EVALUATION_NOTES, "评议意见不能超过 4000 个字符");
    }
    Map<String, Object> row = evaluations.get(id);
    String previous = evaluations.grade((String) row.get("tenant_id"), (String) row.get("unit_name"),
        ((Number) row.get("eval_year")).intValue() - 1).orElse(null);
    evaluations.update(id, "score", score);
    evaluations.update(id, "evaluation_notes", notes == null ? null : notes.toString());
    evaluations.update(id, "evaluated_by", Actors.current(execution));
    evaluations.update(id, "previous_grade", previous);
    // the decision table's inputs: a number and a grade code or null
    execution.setVariable(EvaluationVariables.SCORE, score.doubleValue());
    execution.setVariable(EvaluationVariables.PREVIOUS_GRADE, previous);
  }

  static BigDecimal score(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException(EvaluationVariables.SCORE, "请填写考核得分（0至100分）");
    }
    BigDecimal score;
    try {
      score = new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(EvaluationVariables.SCORE, "考核得分“" + value + "”不是数字");
    }
    if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidInputException(EvaluationVariables.SCORE,
          "考核得分 " + score.toPlainString() + " 超出范围：评议考核实行百分制，得分应在0至100分之间（吉林市行政执法责任制规定第三十一条）");
    }
    if (score.scale() > 2) {
      throw new InvalidInputException(EvaluationVariables.SCORE, "考核得分最多保留两位小数");
    }
    return score;
  }
}
