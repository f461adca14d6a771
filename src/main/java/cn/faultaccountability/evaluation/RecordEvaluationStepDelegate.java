package cn.faultaccountability.evaluation;

import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.deadlines.DeadlineService;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Records a step of the evaluation whose input is a text (input parameter {@code field}) or only its date: the
 * self-evaluation, the circular, the commendation, the removal recommendation, the rectification report, closing.
 * A missing text is refused: the task stays open.
 */
@Component
public class RecordEvaluationStepDelegate implements JavaDelegate {

  /** step → [column, Chinese name of the text] */
  private static final Map<String, String[]> TEXT_STEPS = Map.of(
      "SELF_EVALUATION", new String[] {"self_evaluation", "自评报告"},
      "COMMENDATION", new String[] {"commendation", "表彰决定"},
      "REMOVAL_RECOMMENDATION", new String[] {"removal_recommendation", "调离或处分建议"},
      "RECTIFICATION", new String[] {"rectification_report", "整改情况报告"});

  private final EvaluationRepository evaluations;

  public RecordEvaluationStepDelegate(EvaluationRepository evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(EvaluationVariables.EVALUATION_ID)).longValue();
    String step = (String) execution.getVariableLocal("step");
    if (TEXT_STEPS.containsKey(step)) {
      String field = (String) execution.getVariableLocal("field");
      String[] target = TEXT_STEPS.get(step);
      evaluations.update(id, target[0], text(execution.getVariable(field), field, target[1], 4000));
      if ("RECTIFICATION".equals(step)) {
        evaluations.update(id, "rectified_on", DeadlineService.today());
      }
      return;
    }
    switch (step) {
      // Art. 31 para. 2: the results are circulated by the government at the same level
      case "CIRCULAR" -> evaluations.update(id, "circulated_on", DeadlineService.today());
      case "CLOSED" -> {
        evaluations.update(id, "status", "CLOSED");
        evaluations.update(id, "closed_at", LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(),
            java.time.ZoneId.systemDefault()));
      }
      default -> throw new IllegalStateException("unknown evaluation step " + step);
    }
  }

  static String text(Object value, String field, String name, int max) {
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException(field, "请填写" + name);
    }
    if (!(value instanceof String s) || s.length() > max) {
      throw new InvalidInputException(field, name + "应为不超过 " + max + " 个字符的文字");
    }
    return s.strip();
  }
}
