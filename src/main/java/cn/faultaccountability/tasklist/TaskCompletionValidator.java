package cn.faultaccountability.tasklist;

import cn.faultaccountability.cases.Dates;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.deadlines.DeadlineService;
import cn.faultaccountability.decisions.VocabularyCodes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Enforces a task's form on the server when the task is completed (Tasklist, engine REST or Java API alike): required
 * fields, allowed codes, dates in order and not in the future, at least N entries. A violation throws
 * {@link InvalidInputException} with a Chinese message naming each field by its label; the completion rolls back, so
 * the task stays open and none of the submitted variables is kept. It listens to the end of the user task's activity
 * (which follows the task's completion in the same transaction) because the engine passes an execution listener's
 * exception on as it is, where it would wrap a task listener's in its own message.
 */
public class TaskCompletionValidator implements ExecutionListener {

  private static final java.util.regex.Pattern ISO_PERIOD = java.util.regex.Pattern.compile("P(\\d{1,4}[YMWD]){1,4}");
  /** A number written as text (engine REST, tests); the reading delegate checks its range and precision. */
  private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d{1,9}(\\.\\d{1,9})?");
  private final TaskForms forms;
  private final FormSchemaWriter choices;

  public TaskCompletionValidator(TaskForms forms, VocabularyCodes vocabulary) {
    this.forms = forms;
    this.choices = new FormSchemaWriter(vocabulary);
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      // a timer or message interrupted the task: nobody submitted this form
      return;
    }
    forms.of(execution.getCurrentActivityId()).ifPresent(fields -> check(fields, execution.getVariables()));
  }

  /** Throws {@link InvalidInputException} listing every problem of the values against the form. */
  public void check(List<FormField> fields, Map<String, Object> values) {
    List<FieldError> errors = new ArrayList<>();
    for (FormField field : fields) {
      if (field.key == null || field.type == FormField.Type.TABLE) {
        continue;
      }
      if (field.shownWhen != null && !field.shownWhen.holds(values)) {
        continue;
      }
      check(field, values.get(field.key), values, field.label, errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("表单有误，任务未完成：" + errors.stream().map(FieldError::message)
          .collect(Collectors.joining("；")), errors);
    }
  }

  private void check(FormField field, Object value, Map<String, Object> values, String label,
      List<FieldError> errors) {
    if (blank(value)) {
      if (field.required && field.type != FormField.Type.CHECKBOX) {
        errors.add(error(field, label, "必填"));
      } else if (field.minItems > 0) {
        errors.add(error(field, label, field.minItemsMessage));
      }
      return;
    }
    switch (field.type) {
      case TEXTFIELD, TEXTAREA -> {
        if (!(value instanceof String)) {
          errors.add(error(field, label, "应为文字"));
        }
      }
      case NUMBER -> checkNumber(field, value, label, errors);
      case DATE -> checkDate(field, value, values, label, errors);
      case SELECT, RADIO -> {
        Set<String> allowed = allowed(field, values);
        if (allowed != null && !allowed.contains(value.toString())) {
          errors.add(error(field, label, "“" + value + "”不是可选的值"));
        }
      }
      case TAGLIST -> {
        List<String> items = strings(field, value, label, errors);
        Set<String> allowed = allowed(field, values);
        for (String item : items) {
          if (allowed != null && !allowed.contains(item)) {
            errors.add(error(field, label, "“" + item + "”不是可选的值"));
          }
        }
        if (items.stream().distinct().count() < field.minItems) {
          errors.add(error(field, label, field.minItemsMessage));
        }
      }
      default -> { }
    }
  }

  private void checkNumber(FormField field, Object value, String label, List<FieldError> errors) {
    if (!(value instanceof Number number)) {
      // an extension may also come as an ISO-8601 period, a score as text (engine REST, tests); the delegates check
      // those. Any other shape is refused here, before it reaches the next task (found by HostileInputTest)
      if (!(value instanceof String text) || !ISO_PERIOD.matcher(text.strip()).matches()
          && !DECIMAL.matcher(text.strip()).matches()) {
        errors.add(error(field, label, "应为整数"));
      }
      return;
    }
    if (number.doubleValue() != Math.rint(number.doubleValue())) {
      errors.add(error(field, label, "应为整数"));
    } else if (field.min != null && number.longValue() < field.min
        || field.max != null && number.longValue() > field.max) {
      errors.add(error(field, label, "应在 " + field.min + " 到 " + field.max + " 之间"));
    }
  }

  private void checkDate(FormField field, Object value, Map<String, Object> values, String label,
      List<FieldError> errors) {
    LocalDate date;
    try {
      date = Dates.toLocalDate(value);
    } catch (IllegalArgumentException e) {
      errors.add(error(field, label, e.getMessage()));
      return;
    }
    LocalDate today = DeadlineService.today();
    if (field.notAfterToday && date.isAfter(today)) {
      errors.add(error(field, label, "日期 " + date + " 晚于今天（" + today + "）"));
    }
    if (field.notBefore != null) {
      LocalDate other;
      try {
        other = Dates.toLocalDate(values.get(field.notBefore));
      } catch (IllegalArgumentException e) {
        return;
      }
      if (other != null && date.isBefore(other)) {
        errors.add(error(field, label, "日期 " + date + " 早于" + labelOf(field.notBefore) + " " + other));
      }
    }
  }

  private String labelOf(String key) {
    return forms.all().values().stream().flatMap(Collection::stream).filter(f -> key.equals(f.key))
        .map(f -> f.label).findFirst().orElse(key);
  }

  /** The codes a choice field accepts; null where its options are not known (no options variable). */
  private Set<String> allowed(FormField field, Map<String, Object> values) {
    if (field.offeredOnly) {
      return null;
    }
    if (field.optionsVariable == null) {
      return choices.choices(field).stream().map(FormField.Choice::value).collect(Collectors.toSet());
    }
    Object options = values.get(field.optionsVariable);
    if (options == null) {
      return null;
    }
    return JsonVariables.list(options).stream().map(o -> Objects.toString(o.get("value"))).collect(Collectors.toSet());
  }

  private static List<String> strings(FormField field, Object value, String label, List<FieldError> errors) {
    if (value instanceof String text) {
      // engine REST and older callers give a comma-separated list
      return List.of(text.split("[,，\\s]+")).stream().filter(s -> !s.isBlank()).map(String::strip).toList();
    }
    try {
      return JsonVariables.strings(value);
    } catch (IllegalArgumentException e) {
      if (!field.offeredOnly) {
        errors.add(error(field, label, "应为列表"));
      }
      // other shapes (e.g. a JSON object person → code over engine REST) are the reading delegate's to check
      return List.of();
    }
  }

  private static boolean blank(Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof String s) {
      return s.isBlank();
    }
    if (value instanceof Collection<?> c) {
      return c.isEmpty();
    }
    try {
      if (!(value instanceof Number) && !(value instanceof Boolean) && !(value instanceof java.util.Date)) {
        String text = value instanceof org.camunda.spin.plugin.variable.value.JsonValue json
            ? json.getValueSerialized() : value.toString();
        return text.equals("[]") || text.equals("{}") || text.equals("null");
      }
    } catch (RuntimeException e) {
      return false;
    }
    return false;
  }

  private static FieldError error(FormField field, String label, String problem) {
    return new FieldError(field.key, label + "：" + problem);
  }
}
