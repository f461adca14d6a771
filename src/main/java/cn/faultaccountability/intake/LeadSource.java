package cn.faultaccountability.intake;

/** Where a lead comes from (Jilin 7, Changzhou 27, Mingshan 5/19/20, Jinan 16-17). */
public enum LeadSource {
  COURT_JUDGMENT("人民法院判决撤销、变更或确认违法"),
  RECONSIDERATION_DECISION("行政复议决定撤销、变更或确认违法"),
  INSPECTION_OR_FILING_REVIEW("行政执法检查、备案审查发现"),
  COMPLAINT("申诉、控告、检举、投诉"),
  MEDIA_EXPOSURE("新闻媒体曝光"),
  DEPUTIES_REFLECTION("人大代表、政协委员集中反映"),
  SUPERIOR_REQUEST("上级机关或监督机关要求调查处理"),
  SELF_REPORT("行政执法单位自查报告"),
  OTHER("其他途径");

  private final String chineseName;

  LeadSource(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
