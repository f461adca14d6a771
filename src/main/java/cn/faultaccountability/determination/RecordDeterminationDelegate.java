package cn.faultaccountability.determination;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.CaseRepository.Measure;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.cases.JsonVariables;
import cn.faultaccountability.decisions.VocabularyCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * What the head (Mingshan: the leading group) decides (SPEC §2.6). The proposal stands unless {@code decidedMeasures}
 * departs from it: an entry {party, measure, apply:false, reason} removes a proposed measure, an entry
 * {party, measure, reason} adds one the tables did not propose (the form says {@code action: REMOVE | ADD}). Every departure needs a written reason, kept in the
 * case history; removing a mandatory measure is recorded as such.
 */
@Component
public class RecordDeterminationDelegate implements JavaDelegate {

  private final CaseRepository cases;
  private final VocabularyCodes codes;

  public RecordDeterminationDelegate(CaseRepository cases, VocabularyCodes codes) {
    this.cases = cases;
    this.codes = codes;
  }

  private record Key(long partyId, String measure) {}

  /**
   * Where unit-liability has no rule for a unit (e.g. Mingshan's regulation is silent on units), the person who
   * decides gives the unit's liability; every such unit that is not exempt needs one.
   */
  private Map<String, Object> unitLiabilities(DelegateExecution execution, List<CaseParty> parties,
      List<FieldError> errors) {
    Map<String, Object> given;
    try {
      given = JsonVariables.keyed(execution.getVariable(ProcessConstants.VAR_UNIT_LIABILITIES), "party", "liability",
          false);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(ProcessConstants.VAR_UNIT_LIABILITIES, e.getMessage()));
      return Map.of();
    }
    for (CaseParty unit : parties) {
      if (!unit.isUnit() || unit.liability() != null || Boolean.TRUE.equals(unit.exempt())) {
        continue;
      }
      Object liability = given.get(unit.name());
      if (liability == null || !codes.contains("liabilityLevels", liability.toString())) {
        errors.add(new FieldError(ProcessConstants.VAR_UNIT_LIABILITIES,
            unit.name() + "：单位责任表没有规定，请认定其责任程度"));
      }
    }
    return given;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    String actor = Actors.current(execution);
    List<CaseParty> parties = cases.parties(caseId);
    Map<Key, Measure> proposed = new LinkedHashMap<>();
    for (Measure m : cases.measures(caseId, "PROPOSED")) {
      proposed.put(new Key(m.partyId(), m.measure()), m);
    }
    Map<Key, Measure> decided = new LinkedHashMap<>(proposed);
    Map<Key, String> added = new LinkedHashMap<>();
    List<String> departures = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    List<Map<String, Object>> entries = new ArrayList<>(JsonVariables.list(
        execution.getVariable(ProcessConstants.VAR_DECIDED_MEASURES)));
    // the form: proposed measures to remove and measures to add, as party|measure pairs, with one written reason
    Object departureReason = execution.getVariable(ProcessConstants.VAR_DEPARTURE_REASON);
    for (Map<String, Object> row : JsonVariables.rows(execution.getVariable(ProcessConstants.VAR_REMOVED_MEASURES),
        "party", "measure")) {
      row.put("apply", false);
      row.put("reason", departureReason);
      entries.add(row);
    }
    for (Map<String, Object> row : JsonVariables.rows(execution.getVariable(ProcessConstants.VAR_ADDED_MEASURES),
        "party", "measure")) {
      row.put("reason", departureReason);
      entries.add(row);
    }
    for (int i = 0; i < entries.size(); i++) {
      Map<String, Object> entry = entries.get(i);
      String at = ProcessConstants.VAR_DECIDED_MEASURES + "[" + i + "]";
      Optional<CaseParty> party = parties.stream().filter(p -> p.name().equals(entry.get("party"))).findFirst();
      String measure = entry.get("measure") == null ? null : entry.get("measure").toString();
      String reason = entry.get("reason") == null ? "" : entry.get("reason").toString().strip();
      // {apply: false} or, as the form submits it, {action: "REMOVE"} removes; anything else adds
      boolean apply = !Boolean.FALSE.equals(entry.get("apply")) && !"REMOVE".equals(entry.get("action"));
      if (party.isEmpty()) {
        errors.add(new FieldError(at + ".party", "“" + entry.get("party") + "”不是本案当事人"));
        continue;
      }
      if (measure == null || !codes.contains("measures", measure)) {
        errors.add(new FieldError(at + ".measure", "未知追究方式“" + measure + "”"));
        continue;
      }
      Key key = new Key(party.get().id(), measure);
      String label = party.get().name() + "：" + codes.term("measures", measure);
      if (Boolean.TRUE.equals(party.get().exempt()) && apply) {
        errors.add(new FieldError(at + ".party", party.get().name() + " 已认定不予（免于）追究，不能给予追究方式"));
      } else if (!apply && !proposed.containsKey(key)) {
        errors.add(new FieldError(at + ".measure", label + " 不在建议之中，无需删除"));
      } else if (reason.isEmpty()) {
        errors.add(new FieldError(at + ".reason", (apply ? "增加建议之外的" : "删除建议的") + "追究方式须写明理由：" + label));
      } else if (!apply) {
        decided.remove(key);
        departures.add((proposed.get(key).mandatory() ? "删除必须适用的 " : "删除 ") + label + "；理由：" + reason);
      } else if (!proposed.containsKey(key)) {
        added.put(key, reason);
        departures.add("增加 " + label + "；理由：" + reason);
      }
    }
    Map<String, Object> unitLiabilities = unitLiabilities(execution, parties, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    unitLiabilities.forEach((unit, liability) -> parties.stream().filter(p -> p.name().equals(unit)).findFirst()
        .ifPresent(p -> cases.setLiability(p.id(), liability.toString(), "单位责任表未作规定，由"
            + ("mingshan".equals(execution.getTenantId()) ? "领导小组" : "监督机构负责人") + "认定", "MANUAL")));
    cases.retireMeasures(caseId, "DECIDED");
    for (Measure m : decided.values()) {
      cases.addMeasure(caseId, m.partyId(), m.measure(), m.mandatory(), m.basis(), "DECIDED", "TABLE", null, actor);
    }
    added.forEach((key, reason) -> cases.addMeasure(caseId, key.partyId(), key.measure(), false, null, "DECIDED",
        "DECIDER", reason, actor));
    for (String departure : departures) {
      cases.event(caseId, departure.startsWith("删除必须") ? "MANDATORY_MEASURE_REMOVED" : "PROPOSAL_DEPARTED", actor,
          departure);
    }
    cases.event(caseId, "DETERMINED", actor, ("mingshan".equals(execution.getTenantId()) ? "领导小组集体认定" : "作出认定")
        + "：决定 " + (decided.size() + added.size()) + " 项追究方式" + (departures.isEmpty() ? "，与建议一致" : ""));
  }
}
