package cn.faultaccountability.cases;

/**
 * A party of a case: the unit, or a person with their role in the enforcement act.
 *
 * @param type {@code UNIT} or {@code PERSON}
 * @param role for a person: HANDLER 承办人, REVIEWER 审核人, APPROVER 批准人, LEADER 行政首长, DEPUTY_LEADER 分管领导,
 *     PARTICIPANT 集体决定参与人, DIRECT_ACTOR 直接导致过错的人, DISSENTER 持正确（不同）意见者
 * @param leadUnit for a unit among several: whether it is the lead unit (null where there is none)
 */
public record CaseParty(long id, long caseId, String type, String name, String role, String unitName, Boolean leadUnit,
    String liability, String liabilityBasis, String liabilitySource, String factors, Boolean exempt) {

  public boolean isUnit() {
    return "UNIT".equals(type);
  }
}
