package cn.faultaccountability.intake;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.cases.Dates;
import cn.faultaccountability.cases.FieldError;
import cn.faultaccountability.cases.InvalidInputException;
import cn.faultaccountability.cases.JsonVariables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A lead as intake records it (SPEC §2.1): source, the enforcement act, unit, persons and their roles, fault end date,
 * discovery date, complainant contact. {@link #from} checks every field and reports all problems at once.
 */
public record Lead(LeadSource source, String actDescription, String unitName, LocalDate faultEndedOn,
    LocalDate discoveredOn, String complainantContact, List<Party> parties) {

  static final int MAX_TEXT = 4000;
  static final int MAX_NAME = 200;
  static final int MAX_PARTIES = 50;

  /** A unit or a person of the lead. */
  public record Party(String type, String name, PartyRole role, String unitName, Boolean leadUnit) {}

  /** Reads and checks the lead from process variables or API fields (same names); {@code today} bounds the dates. */
  public static Lead from(Map<String, Object> values, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    LeadSource source = code(values.get(ProcessConstants.VAR_SOURCE), LeadSource.class, "source", errors);
    String act = text(values.get(ProcessConstants.VAR_ACT_DESCRIPTION), "actDescription", MAX_TEXT, true, errors);
    String unit = text(values.get(ProcessConstants.VAR_UNIT_NAME), "unitName", MAX_NAME, true, errors);
    LocalDate ended = date(values.get(ProcessConstants.VAR_FAULT_ENDED_ON), "faultEndedOn", false, today, errors);
    LocalDate discovered = date(values.get(ProcessConstants.VAR_DISCOVERED_ON), "discoveredOn", true, today, errors);
    if (ended != null && discovered != null && ended.isAfter(discovered)) {
      errors.add(new FieldError("faultEndedOn", "过错终了日 " + ended + " 晚于发现日 " + discovered));
    }
    String contact = text(values.get(ProcessConstants.VAR_COMPLAINANT_CONTACT), "complainantContact", MAX_NAME,
        false, errors);
    List<Party> parties = parties(values.get(ProcessConstants.VAR_PARTIES), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Lead(source, act, unit, ended, discovered, contact, parties);
  }

  private static List<Party> parties(Object value, List<FieldError> errors) {
    List<Map<String, Object>> rows;
    try {
      rows = JsonVariables.list(value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("parties", "当事人应为列表：" + e.getMessage()));
      return List.of();
    }
    if (rows.isEmpty()) {
      errors.add(new FieldError("parties", "至少登记一名被追究的单位或人员"));
      return List.of();
    }
    if (rows.size() > MAX_PARTIES) {
      errors.add(new FieldError("parties", "当事人不得超过 " + MAX_PARTIES + " 个"));
      return List.of();
    }
    List<Party> parties = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      String at = "parties[" + i + "].";
      String type = String.valueOf(row.get("type"));
      if (!type.equals("PERSON") && !type.equals("UNIT")) {
        errors.add(new FieldError(at + "type", "类型应为 PERSON（个人）或 UNIT（单位），而不是“" + row.get("type") + "”"));
      }
      String name = text(row.get("name"), at + "name", MAX_NAME, true, errors);
      if (name != null && names.contains(name)) {
        errors.add(new FieldError(at + "name", "当事人“" + name + "”重复登记"));
      }
      names.add(name);
      PartyRole role = null;
      if (type.equals("PERSON")) {
        role = code(row.get("role"), PartyRole.class, at + "role", errors);
      } else if (row.get("role") != null) {
        errors.add(new FieldError(at + "role", "单位没有承办、审核、批准角色"));
      }
      String unitName = text(row.get("unitName"), at + "unitName", MAX_NAME, false, errors);
      Object lead = row.get("leadUnit");
      if (lead != null && !(lead instanceof Boolean)) {
        errors.add(new FieldError(at + "leadUnit", "应为 true 或 false"));
      }
      // lead unit: only for a unit among several (a form's checkbox also says false for persons and a sole unit)
      parties.add(new Party(type, name, role, unitName, lead instanceof Boolean b && type.equals("UNIT") ? b : null));
    }
    if (parties.stream().filter(p -> p.type().equals("UNIT")).count() < 2) {
      parties.replaceAll(p -> new Party(p.type(), p.name(), p.role(), p.unitName(), null));
    }
    return parties;
  }

  static <E extends Enum<E>> E code(Object value, Class<E> type, String field, List<FieldError> errors) {
    if (value == null || value.toString().isBlank()) {
      errors.add(new FieldError(field, "必填"));
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "未知代码“" + value + "”，可选：" + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  static String text(Object value, String field, int max, boolean required, List<FieldError> errors) {
    if (value == null || value.toString().isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "必填"));
      }
      return null;
    }
    if (!(value instanceof String text)) {
      errors.add(new FieldError(field, "应为文字"));
      return null;
    }
    if (text.length() > max) {
      errors.add(new FieldError(field, "不得超过 " + max + " 个字符（现有 " + text.length() + " 个）"));
      return null;
    }
    return text.strip();
  }

  static LocalDate date(Object value, String field, boolean required, LocalDate today, List<FieldError> errors) {
    LocalDate date;
    try {
      date = Dates.toLocalDate(value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, e.getMessage()));
      return null;
    }
    if (date == null) {
      if (required) {
        errors.add(new FieldError(field, "必填"));
      }
      return null;
    }
    if (date.isAfter(today)) {
      errors.add(new FieldError(field, "日期 " + date + " 晚于今天（" + today + "）"));
      return null;
    }
    return date;
  }
}
