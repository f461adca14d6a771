package cn.faultaccountability.investigation;

import static cn.faultaccountability.ProcessConstants.VAR_CASE_ID;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.decisions.VocabularyCodes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks and records what the investigation found: the investigators (none a party of the case; that there are at
 * least two, Jinan 18, is Investigate's form rule), the facts and evidence, the fault category, the scenario of the
 * decision chain, severity, and each party's factors — all as the decision tables' codes. A problem keeps the investigation task open with a message naming the field.
 */
@Component
public class RecordInvestigationDelegate implements JavaDelegate {

  static final int MAX_TEXT = 8000;
  private final CaseRepository cases;
  private final VocabularyCodes codes;
  private final InvestigatorRecusal recusal;

  public RecordInvestigationDelegate(CaseRepository cases, VocabularyCodes codes, InvestigatorRecusal recusal) {
    this.cases = cases;
    this.codes = codes;
    this.recusal = recusal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(VAR_CASE_ID);
    List<FieldError> errors = new ArrayList<>();
    Set<String> investigators = new LinkedHashSet<>();
    Object given = execution.getVariable(ProcessConstants.VAR_INVESTIGATORS);
    if (given instanceof String text) {
      for (String id : text.split("[,，\\s]+")) {
        if (!id.isBlank()) {
          investigators.add(id.strip());
        }
      }
    } else if (given != null) {
      try {
        investigators.addAll(JsonVariables.strings(given));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(ProcessConstants.VAR_INVESTIGATORS, "应为调查人员的列表"));
      }
    }
    if (investigators.stream().anyMatch(i -> i.length() > 100)) {
      errors.add(new FieldError(ProcessConstants.VAR_INVESTIGATORS, "每名调查人员不得超过 100 个字符"));
      investigators.removeIf(i -> i.length() > 100);
    }
    // at least two investigators (Jinan 18) is the form rule of Investigate (tasklist/TaskForms), checked on every
    // completion before this runs: stated once, there
    String facts = text(execution, ProcessConstants.VAR_FACTS, true, errors);
    String evidence = text(execution, ProcessConstants.VAR_EVIDENCE, true, errors);
    String category = code(execution, ProcessConstants.VAR_FAULT_CATEGORY, "faultCategories", true, errors);
    String scenario = code(execution, ProcessConstants.VAR_SCENARIO, "scenarios", false, errors);
    String severity = code(execution, ProcessConstants.VAR_SEVERITY, "severities", false, errors);
    List<CaseParty> parties = cases.parties(caseId);
    errors.addAll(recusal.check(ProcessConstants.VAR_INVESTIGATORS, investigators, parties));
    Map<String, Object> factors;
    try {
      factors = JsonVariables.keyed(execution.getVariable(ProcessConstants.VAR_PARTY_FACTORS), "party", "factors",
          true);
    } catch (IllegalArgumentException e) {
      factors = Map.of();
      errors.add(new FieldError(ProcessConstants.VAR_PARTY_FACTORS, e.getMessage()));
    }
    for (Map.Entry<String, Object> entry : factors.entrySet()) {
      if (parties.stream().noneMatch(p -> p.name().equals(entry.getKey()))) {
        errors.add(new FieldError(ProcessConstants.VAR_PARTY_FACTORS, "“" + entry.getKey() + "”不是本案当事人"));
        continue;
      }
      List<String> partyCodes;
      try {
        partyCodes = JsonVariables.strings(entry.getValue());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(ProcessConstants.VAR_PARTY_FACTORS, entry.getKey() + "：情节因素应为代码列表"));
        continue;
      }
      for (String factor : partyCodes) {
        if (!codes.contains("factors", factor)) {
          errors.add(new FieldError(ProcessConstants.VAR_PARTY_FACTORS, entry.getKey() + "：未知情节因素“" + factor + "”"));
        }
      }
    }
    for (String flag : List.of(ProcessConstants.VAR_LARGE_IMPACT, ProcessConstants.VAR_CRIME_SUSPECTED,
        ProcessConstants.VAR_COMPENSATION_PAID, ProcessConstants.VAR_DISCIPLINARY_MATTER)) {
      Object value = execution.getVariable(flag);
      if (value != null && !(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
        // a wrong type must not silently read as "no"
        errors.add(new FieldError(flag, "应为是或否（true/false），收到“" + abbreviate(value) + "”"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    cases.update(caseId, "investigators", String.join(",", investigators));
    cases.update(caseId, "facts", facts);
    cases.update(caseId, "evidence", evidence);
    cases.update(caseId, "fault_category", category);
    cases.update(caseId, "scenario", scenario);
    cases.update(caseId, "severity", severity);
    for (String flag : List.of(ProcessConstants.VAR_LARGE_IMPACT, ProcessConstants.VAR_CRIME_SUSPECTED,
        ProcessConstants.VAR_COMPENSATION_PAID, ProcessConstants.VAR_DISCIPLINARY_MATTER)) {
      Object flagValue = execution.getVariable(flag);
      boolean value = Boolean.TRUE.equals(flagValue) || "true".equals(flagValue);
      // the gateways and the sanctions table read these as booleans, never null
      execution.setVariable(flag, value);
      cases.update(caseId, column(flag), value);
    }
    cases.event(caseId, "INVESTIGATED", Actors.current(execution), "调查终结；调查人员：" + String.join("、", investigators)
        + "；过错类别：" + codes.term("faultCategories", category));
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() > 20 ? text.substring(0, 20) + "…" : text;
  }

  private static String column(String variable) {
    return variable.replaceAll("([A-Z])", "_$1").toLowerCase();
  }

  private static String text(DelegateExecution execution, String name, boolean required, List<FieldError> errors) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        errors.add(new FieldError(name, "必填"));
      }
      return null;
    }
    if (value.toString().length() > MAX_TEXT) {
      errors.add(new FieldError(name, "不得超过 " + MAX_TEXT + " 个字符"));
      return null;
    }
    return value.toString().strip();
  }

  private String code(DelegateExecution execution, String name, String group, boolean required,
      List<FieldError> errors) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        errors.add(new FieldError(name, "必填"));
      }
      return null;
    }
    if (!codes.contains(group, value.toString())) {
      errors.add(new FieldError(name, "未知代码“" + value + "”"));
      return null;
    }
    return value.toString();
  }
}
