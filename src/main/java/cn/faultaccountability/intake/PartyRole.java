package cn.faultaccountability.intake;

/**
 * A person's role in the enforcement act (Jilin 19, Changzhou 9, 13). Each role reads its liability from the
 * {@code liability-apportionment} output of the same name; a dissenter has no output, so the matched rule does not
 * name them and their liability is NONE (SPEC §4.1; Jilin 9(7), Changzhou 13: 持正确意见的人不承担责任).
 */
public enum PartyRole {
  HANDLER("承办人", "handler"),
  REVIEWER("审核人", "reviewer"),
  APPROVER("批准人", "approver"),
  LEADER("行政首长", "leader"),
  DEPUTY_LEADER("分管领导", "deputyLeader"),
  PARTICIPANT("参与集体决定的人员", "participants"),
  DIRECT_ACTOR("直接导致过错的人员", "directActor"),
  DISSENTER("持不同（正确）意见的人员", null);

  private final String chineseName;
  private final String apportionmentOutput;

  PartyRole(String chineseName, String apportionmentOutput) {
    this.chineseName = chineseName;
    this.apportionmentOutput = apportionmentOutput;
  }

  public String chineseName() {
    return chineseName;
  }

  /** The start form's field listing the persons in this role, e.g. {@code handlerNames}. */
  public String formField() {
    String camel = java.util.Arrays.stream(name().toLowerCase().split("_"))
        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(java.util.stream.Collectors.joining());
    return Character.toLowerCase(camel.charAt(0)) + camel.substring(1) + "Names";
  }

  /** The output of liability-apportionment that holds this role's liability; null: none. */
  public String apportionmentOutput() {
    return apportionmentOutput;
  }
}
