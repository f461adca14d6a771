package cn.faultaccountability.tasklist;

import static cn.faultaccountability.ProcessConstants.*;
import static cn.faultaccountability.tasklist.FormField.checkbox;
import static cn.faultaccountability.tasklist.FormField.choice;
import static cn.faultaccountability.tasklist.FormField.column;
import static cn.faultaccountability.tasklist.FormField.date;
import static cn.faultaccountability.tasklist.FormField.info;
import static cn.faultaccountability.tasklist.FormField.number;
import static cn.faultaccountability.tasklist.FormField.optionsSelect;
import static cn.faultaccountability.tasklist.FormField.optionsTags;
import static cn.faultaccountability.tasklist.FormField.radio;
import static cn.faultaccountability.tasklist.FormField.select;
import static cn.faultaccountability.tasklist.FormField.table;
import static cn.faultaccountability.tasklist.FormField.textarea;
import static cn.faultaccountability.tasklist.FormField.textfield;
import static cn.faultaccountability.tasklist.FormField.vocabularySelect;

import cn.faultaccountability.evaluation.EvaluationVariables;
import cn.faultaccountability.intake.Lead;
import cn.faultaccountability.intake.LeadSource;
import cn.faultaccountability.intake.PartyRole;
import cn.faultaccountability.platform.Jurisdiction;
import cn.faultaccountability.platform.JurisdictionTenantIdProvider;
import cn.faultaccountability.tasklist.FormField.Choice;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form of the start event and of every user task of {@code fault-accountability}, in one place: labels, help,
 * choices (codes from the process or from decisions/vocabulary.yaml), which fields are required and when. The committed
 * {@code forms/<id>.form} files are generated from here ({@code FormsTest}), and {@link TaskCompletionValidator}
 * enforces the same rules on the server when a task is completed.
 */
public final class TaskForms {

  /** Variables prepared for display when a task is created (task-local; never submitted). */
  public static final String CASE_SUMMARY = "caseSummary";
  public static final String INVESTIGATOR_OPTIONS = "investigatorOptions";
  public static final String PROPOSAL_SUMMARY = "proposalSummary";
  public static final String DECISION_SUMMARY = "decisionSummary";
  /** Tag-list options {@code party|code} (Tasklist 7.24 cannot submit form-js dynamic lists: see docs/tasklist.md). */
  public static final String FACTOR_OPTIONS = "factorOptions";
  public static final String LIABILITY_OPTIONS = "liabilityOptions";
  public static final String UNIT_LIABILITY_OPTIONS = "unitLiabilityOptions";
  public static final String PROPOSED_OPTIONS = "proposedMeasureOptions";
  public static final String MEASURE_OPTIONS = "measureOptions";
  public static final String DECIDED_OPTIONS = "decidedMeasureOptions";

  /** Variables recorded by the forms beyond what the delegates read; kept in the case history. */
  public static final String VAR_SUPERVISION_NOTE = "supervisionNote";
  public static final String VAR_MEETING_RECORD = "meetingRecord";
  public static final String VAR_TRANSFER_DATE = "transferDate";
  public static final String VAR_FILED_ON = "filedOn";
  public static final String VAR_PERSONNEL_DEPARTMENT = "personnelDepartment";

  public static final String START_FORM = "LeadReceived";

  static final Choice[] CHECK_OUTCOMES = {choice("FILE", "立案"), choice("NOT_FILE", "不予立案"),
      choice("TRANSFER", "移交行政执法单位自行处理（济南市办法第十六条）")};
  static final Choice[] FILING_DECISIONS = {choice("APPROVE", "准予立案"), choice("RETURN", "退回核查"),
      choice("REJECT", "不予立案")};
  static final Choice[] APPROVALS = {choice("APPROVE", "批准"), choice("RETURN", "退回")};
  static final Choice[] INVESTIGATION_OUTCOMES = {choice("DONE", "调查终结"), choice("REQUEST_EXTENSION", "申请延期"),
      choice("REQUEST_SUSPENSION", "申请中止（例如等待鉴定）")};
  static final Choice[] REVIEW_OUTCOMES = {choice("UPHOLD", "维持原决定"), choice("MODIFY", "变更原决定"),
      choice("REVOKE", "撤销原决定"), choice("REQUEST_EXTENSION", "申请延期（常州市办法第三十三条）")};

  private static final String HEADER = "{{" + CASE_SUMMARY + "}}";

  private final Map<String, List<FormField>> forms = new LinkedHashMap<>();

  public TaskForms() {
    forms.put(START_FORM, concat(List.of(
        info("### 登记线索\n线索来源、被追究的行政执法行为、单位及有关人员的角色、过错终了日和发现日（吉林市办法第七条、"
            + "常州市办法第二十七条、济南市办法第十六、十七条）。案件编号在提交后生成。"),
        select(JurisdictionTenantIdProvider.VAR_TENANT_ID, "辖区", Arrays.stream(Jurisdiction.values())
            .map(j -> choice(j.tenantId(), j.chineseName())).toArray(Choice[]::new))
            .help("只属于一个辖区的可不选；属于多个辖区的（如管理员）须选择"),
        select(VAR_SOURCE, "线索来源", Arrays.stream(LeadSource.values())
            .map(s -> choice(s.name(), s.chineseName())).toArray(Choice[]::new)).required(),
        textarea(VAR_ACT_DESCRIPTION, "被追究的行政执法行为").required()
            .help("何时、何机关作出的何种行为，以及撤销、变更或确认违法的情况"),
        textfield(VAR_UNIT_NAME, "行政执法单位").required(),
        date(VAR_FAULT_ENDED_ON, "过错行为终了日").notAfterToday()
            .help("追究时效自此日起算（吉林市办法第十一条第（一）项）；不清楚的可不填"),
        date(VAR_DISCOVERED_ON, "发现日").required().notAfterToday().notBefore(VAR_FAULT_ENDED_ON),
        textfield(VAR_COMPLAINANT_CONTACT, "投诉人、检举人联系方式").help("有投诉人、检举人的，立案与否和处理结果都要告知"),
        textfield(Lead.OTHER_UNITS, "共同导致过错的其他单位")
            .help("多个单位共同导致过错的填写，用逗号或顿号分隔；此时上面的行政执法单位为牵头单位（济南市办法第十四条）"),
        info("#### 有关人员\n按其在执法行为中的角色填写姓名，多人用逗号或顿号分隔；均视为上述行政执法单位的人员。")),
        Arrays.stream(PartyRole.values()).map(r -> textfield(r.formField(), r.chineseName())).toList()));

    forms.put("PreliminaryCheck", List.of(
        info("### 核查\n" + HEADER),
        radio(VAR_CHECK_OUTCOME, "核查结论", CHECK_OUTCOMES).required(),
        textarea(VAR_NOT_FILED_REASON, "不予立案的理由").required().when(VAR_CHECK_OUTCOME, "NOT_FILE")
            .help("将告知投诉人、检举人（常州市办法第二十八条）")));

    forms.put("ApproveFiling", List.of(
        info("### 立案审批\n" + HEADER),
        radio(VAR_FILING_DECISION, "审批结果", FILING_DECISIONS).required(),
        textarea(VAR_REASON, "理由").required().when(VAR_FILING_DECISION, "RETURN", "REJECT")
            .help("退回核查或不予立案的，写明理由；不予立案的理由将告知投诉人")));

    forms.put("UnitDecidesTransferredCase", List.of(
        info("### 被移交单位作出处理决定并报告\n济南市办法第十六条：于移交后三十日内作出处理决定，并将处理结果告知行政执法监督机构。\n\n"
            + HEADER),
        textarea(VAR_UNIT_REPORT, "处理决定和处理结果").required()));

    forms.put("Investigate", List.of(
        info("### 调查取证\n调查人员不得少于两人（济南市办法第十八条）。情况复杂的可申请延期（济南市办法第十九条），需要鉴定等可申请中止。\n\n"
            + HEADER),
        radio(VAR_INVESTIGATION_OUTCOME, "调查结果", INVESTIGATION_OUTCOMES).required(),
        optionsTags(VAR_INVESTIGATORS, "调查人员", INVESTIGATOR_OPTIONS).required().offeredOnly()
            .when(VAR_INVESTIGATION_OUTCOME, "DONE").minItems(2, "调查人员不得少于两人（济南市办法第十八条）"),
        textarea(VAR_FACTS, "查明的事实").required().when(VAR_INVESTIGATION_OUTCOME, "DONE"),
        textarea(VAR_EVIDENCE, "证据").required().when(VAR_INVESTIGATION_OUTCOME, "DONE")
            .help("证据材料请用表单顶部的“查看或上传本案的证据、文书（附件）”上传"),
        vocabularySelect(VAR_FAULT_CATEGORY, "过错类别", "faultCategories").required()
            .when(VAR_INVESTIGATION_OUTCOME, "DONE"),
        vocabularySelect(VAR_SCENARIO, "责任情形（承办、审核、批准中谁的过错）", "scenarios")
            .when(VAR_INVESTIGATION_OUTCOME, "DONE").help("决策表据此划分责任；不选或表中无规定的，由监督机构负责人人工认定"),
        vocabularySelect(VAR_SEVERITY, "情节轻重", "severities").when(VAR_INVESTIGATION_OUTCOME, "DONE"),
        checkbox(VAR_LARGE_IMPACT, "造成较大影响").when(VAR_INVESTIGATION_OUTCOME, "DONE"),
        checkbox(VAR_CRIME_SUSPECTED, "涉嫌犯罪（移送司法机关）").when(VAR_INVESTIGATION_OUTCOME, "DONE"),
        checkbox(VAR_DISCIPLINARY_MATTER, "应当给予政纪处分（移送纪检监察机关）").when(VAR_INVESTIGATION_OUTCOME, "DONE"),
        checkbox(VAR_COMPENSATION_PAID, "已支付国家赔偿").when(VAR_INVESTIGATION_OUTCOME, "DONE"),
        optionsTags(VAR_PARTY_FACTORS, "各当事人的情节", FACTOR_OPTIONS).offeredOnly()
            .when(VAR_INVESTIGATION_OUTCOME, "DONE").help("逐项选择“当事人：情节因素”，可输入姓名或情节筛选；没有的可不选"),
        number(VAR_EXTENSION, "申请延长的天数").required().range(1, 366)
            .when(VAR_INVESTIGATION_OUTCOME, "REQUEST_EXTENSION"),
        textarea(VAR_REASON, "申请理由").required().when(VAR_INVESTIGATION_OUTCOME, "REQUEST_EXTENSION",
            "REQUEST_SUSPENSION")));

    forms.put("ApproveExtension", List.of(
        info("### 延期审批\n济南市办法第十九条：情况复杂的，经监督机构负责人批准可以延长，最多不超过三十日。\n\n" + HEADER),
        radio(VAR_APPROVAL, "审批结果", APPROVALS).required(),
        number(VAR_EXTENSION, "批准延长的天数").required().range(1, 366).when(VAR_APPROVAL, "APPROVE")
            .help("合计不得超过期限表的最长延长期限"),
        textarea(VAR_REASON, "理由").required().help("调查人员的申请理由已带出；退回的写明退回理由")));

    forms.put("ApproveSuspension", List.of(
        info("### 中止审批\n中止期间期限暂停计算，恢复后期限顺延中止的天数。\n\n" + HEADER),
        radio(VAR_APPROVAL, "审批结果", APPROVALS).required(),
        textarea(VAR_REASON, "中止或退回的理由").required()));

    forms.put("ResumeStage", List.of(
        info("### 恢复调查\n中止事由消除后恢复调查，期限按中止天数顺延。\n\n" + HEADER),
        textarea(VAR_REASON, "恢复理由").required()));

    forms.put("StatementAndDefence", List.of(
        info("### 陈述申辩\n作出决定前听取被调查单位及人员的陈述和申辩（济南市办法第十八条、常州市办法第三十条）。\n\n" + HEADER),
        textarea(VAR_STATEMENT, "陈述和申辩意见").required().help("当事人放弃陈述申辩的，写明“放弃陈述申辩”")));

    forms.put("DetermineLiabilityManually", List.of(
        info("### 人工认定责任划分\n决策表对本案情形没有规定：根据各人履行的承办、审核、批准职责和实际作用，逐人认定责任程度"
            + "（济南市办法第十五条）。\n\n" + HEADER),
        optionsTags(VAR_MANUAL_LIABILITIES, "各人的责任程度", LIABILITY_OPTIONS).required().offeredOnly()
            .help("每人选择一项“姓名：责任程度”，每个人都要认定"),
        textarea(VAR_REASON, "认定理由").required()));

    List<FormField> determination = List.of(
        table(PROPOSAL_SUMMARY, "决策表建议的追究方式", column("party", "当事人"), column("liability", "责任程度"),
            column("measureName", "追究方式"), column("mandatory", "是否必须适用"),
            column("basis", "依据")),
        info("建议即为默认决定，与建议一致的下面不填。删除建议的措施（尤其是**必须适用**的）或增加建议之外的措施，须写明理由（记入案卷）。"),
        optionsTags(VAR_REMOVED_MEASURES, "删除建议的追究方式", PROPOSED_OPTIONS).offeredOnly(),
        optionsTags(VAR_ADDED_MEASURES, "增加建议之外的追究方式", MEASURE_OPTIONS).offeredOnly(),
        optionsTags(VAR_UNIT_LIABILITIES, "单位的责任程度（决策表未作规定的单位）", UNIT_LIABILITY_OPTIONS).offeredOnly()
            .help("仅列出单位责任表没有规定的单位（例如明山区制度未规定单位责任）；每个列出的单位都要认定"),
        textarea(VAR_DEPARTURE_REASON, "偏离建议的理由").help("删除或增加追究方式时必填"));
    forms.put("Determine", concat(List.of(info("### 作出认定\n" + HEADER)), determination));
    forms.put("CollectiveDetermination", concat(List.of(
        info("### 领导小组集体认定\n明山区制度第七条、第十六条：由领导小组集体讨论认定。\n\n" + HEADER),
        textarea(VAR_MEETING_RECORD, "会议记录").required().help("会议日期、参加人员、讨论和表决结果")), determination));

    forms.put("TransferToAuthorities", List.of(
        info("### 移送有权机关\n涉嫌犯罪的移送司法机关，应当给予政纪处分的移送纪检监察机关（吉林市办法第十三条、济南市办法第二十三条、"
            + "常州市办法第三十四条）。本案的行政部分继续办理。\n\n" + HEADER),
        textfield(VAR_TRANSFER_ORGAN, "接收移送的机关").required(),
        date(VAR_TRANSFER_DATE, "移送日期").required().notAfterToday()));

    forms.put("GovernmentApproval", List.of(
        info("### 报本级人民政府批准\n济南市办法第二十条：处理决定应当报经本级人民政府批准。\n\n" + HEADER),
        table(DECISION_SUMMARY, "拟作出的处理决定", column("party", "当事人"), column("liability", "责任程度"),
            column("measureName", "追究方式"), column("basis", "依据"), column("reason", "偏离建议的理由")),
        radio(VAR_APPROVAL, "批准结果", APPROVALS).required(),
        textarea(VAR_REASON, "退回重新认定的理由").required().when(VAR_APPROVAL, "RETURN")));

    forms.put("DecideRecusal", List.of(
        info("### 回避申请审查\n调查人员与案件或被调查单位、人员有利害关系的，应当回避（济南市办法第十八条、常州市办法第三十条）。\n\n"
            + "申请回避的调查人员：{{" + VAR_RECUSED_INVESTIGATOR + "}}\n\n申请理由：{{" + VAR_RECUSAL_GROUNDS + "}}\n\n" + HEADER),
        checkbox(VAR_RECUSAL_GRANTED, "决定回避"),
        optionsSelect(VAR_REPLACEMENT_INVESTIGATOR, "接替的调查人员", INVESTIGATOR_OPTIONS).required().offeredOnly()
            .when(VAR_RECUSAL_GRANTED, "true"),
        textarea(VAR_REASON, "决定理由").required()));

    forms.put("ServeDecision", List.of(
        info("### 送达处理决定\n复核申请期限自收到决定之日起计算（吉林市办法第十四条、济南市办法第二十一条、常州市办法第三十三条）。\n\n"
            + HEADER),
        table(DECISION_SUMMARY, "处理决定的追究方式", column("party", "当事人"), column("liability", "责任程度"),
            column("measureName", "追究方式"), column("basis", "依据")),
        date(VAR_SERVICE_DATE, "送达日期").required().notAfterToday()));

    forms.put("DecideReview", List.of(
        info("### 作出复核决定\n复核期间原决定不停止执行。\n\n申请人：{{" + VAR_REVIEW_APPLICANT + "}}\n\n复核理由：{{"
            + VAR_REVIEW_GROUNDS + "}}\n\n" + HEADER),
        table(DECISION_SUMMARY, "原处理决定的追究方式", column("party", "当事人"), column("measureName", "追究方式"),
            column("basis", "依据")),
        radio(VAR_REVIEW_OUTCOME, "复核结论", REVIEW_OUTCOMES).required(),
        optionsTags(VAR_REVISED_MEASURES, "变更后的追究方式", MEASURE_OPTIONS).required().offeredOnly()
            .when(VAR_REVIEW_OUTCOME, "MODIFY"),
        number(VAR_EXTENSION, "申请延长的天数").required().range(1, 366).when(VAR_REVIEW_OUTCOME, "REQUEST_EXTENSION"),
        textarea(VAR_REASON, "复核理由").required()));

    forms.put("ApproveReviewExtension", List.of(
        info("### 复核延期审批\n常州市办法第三十三条：案情复杂的，可以适当延长，但延长时间不得超过三十日。\n\n" + HEADER),
        radio(VAR_APPROVAL, "审批结果", APPROVALS).required(),
        number(VAR_EXTENSION, "批准延长的天数").required().range(1, 366).when(VAR_APPROVAL, "APPROVE"),
        textarea(VAR_REASON, "理由").required()));

    forms.put("FileWithPersonnelDepartment", List.of(
        info("### 报人事部门备案\n吉林市办法第十六条：追究决定应当依照人事管理权限，报送同级人事部门备案。\n\n" + HEADER),
        table(DECISION_SUMMARY, "处理决定的追究方式", column("party", "当事人"), column("measureName", "追究方式")),
        textfield(VAR_PERSONNEL_DEPARTMENT, "接收备案的人事部门").required(),
        date(VAR_FILED_ON, "备案日期").required().notAfterToday()));

    List<FormField> execution = List.of(
        table(DECISION_SUMMARY, "现行决定的追究方式", column("party", "当事人"), column("measureName", "追究方式"),
            column("basis", "依据")),
        optionsTags(VAR_EXECUTED_MEASURES, "已执行的追究方式", DECIDED_OPTIONS).offeredOnly()
            .help("已按现行决定逐项带出；未执行的请删除"));
    forms.put("ExecuteDecision", concat(List.of(info("### 执行处理决定并报告\n被追究的单位在规定时限内执行处理决定，并将执行情况上报"
        + "（常州市办法第三十五条）；拒不执行的，给予通报批评并建议处分其负责人（吉林市办法第十七条）。\n\n" + HEADER)), execution));
    forms.put("CorrectExecution", concat(List.of(info("### 补正执行\n已执行的追究方式与最终决定不一致（例如复核变更或撤销了原决定）："
        + "按最终决定补正执行，并报告。\n\n" + HEADER)), execution));

    for (String[] watch : new String[][] {{"SupervisePreliminaryCheckDeadline", "核查期限"},
        {"SuperviseTransferDeadline", "移交处理期限"}, {"SuperviseDecisionDeadline", "调查处理期限"},
        {"SuperviseReviewDeadline", "复核决定期限"}, {"SuperviseExecutionDeadline", "执行期限"}}) {
      forms.put(watch[0], List.of(
          info("### " + watch[1] + "超期督办\n期限已过：督促承办人员尽快完成，并记录督办意见（记入案卷）。\n\n" + HEADER),
          textarea(VAR_SUPERVISION_NOTE, "督办意见").required()));
    }
    evaluationForms();
  }

  /** Jilin's annual evaluation (responsibility-evaluation; 吉林市行政执法责任制规定第二十八条至第三十二条). */
  private void evaluationForms() {
    String unit = "被考核单位：{{" + EvaluationVariables.UNIT_NAME + "}}（{{" + EvaluationVariables.YEAR + "}} 年度）";
    forms.put("SelfEvaluation", List.of(
        info("### 单位自查自评\n" + unit + "\n\n对照吉林市行政执法责任制规定第二十九条所列内容逐项自查（第三十条第（一）项、"
            + "第（三）项）。"),
        textarea(EvaluationVariables.SELF_EVALUATION, "自评报告").required()));
    forms.put("EvaluateUnit", List.of(
        info("### 司法行政部门评议考核\n" + unit + "\n\n单位自评报告：{{" + EvaluationVariables.SELF_EVALUATION
            + "}}\n\n评议考核实行百分制（第三十一条）：95分以上优秀，85分以上良好，70分以上及格，70分以下不及格。"),
        // the range 0-100 is checked by RecordEvaluationScoreDelegate, whose message cites Art. 31
        number(EvaluationVariables.SCORE, "考核得分（0至100分）").required(),
        textarea(EvaluationVariables.EVALUATION_NOTES, "评议意见")));
    forms.put("Commend", List.of(
        info("### 报请本级政府表彰\n" + unit + "\n\n评议考核为优秀的单位，由本级政府予以表彰（第三十二条第（二）项）。"),
        textarea("commendation", "表彰决定（文号、日期）").required()));
    forms.put("RecommendLeaderRemoval", List.of(
        info("### 建议调离或处分主要领导\n" + unit + "\n\n连续两年评议考核不及格：由司法行政部门建议有关部门对其主要领导及"
            + "主管领导调离现岗位或给予行政处分（第三十二条第（四）项）。随后下发整改通知书。"),
        textarea("removalRecommendation", "建议内容及接收建议的部门").required()));
    forms.put("IssueRectificationNotice", List.of(
        info("### 下发整改通知书\n" + unit + "\n\n评议考核不及格的单位，由本级政府下发整改通知书，由司法行政部门督促整改，"
            + "并建议有关部门对该单位主要领导或分管领导进行诫勉谈话（第三十二条第（三）项）。"),
        textarea(EvaluationVariables.RECTIFICATION_NOTICE, "整改通知书（文号及整改要求）").required(),
        date(EvaluationVariables.RECTIFICATION_DUE_DATE, "整改期限").required()));
    forms.put("Rectify", List.of(
        info("### 限期整改并报告\n" + unit + "\n\n整改通知书：{{" + EvaluationVariables.RECTIFICATION_NOTICE + "}}"),
        textarea("rectificationReport", "整改情况报告").required()));
    forms.put("SuperviseRectification", List.of(
        info("### 督促整改\n" + unit + "\n\n整改期限已过，被考核单位尚未报告整改情况：督促整改，记录督促情况"
            + "（第三十二条第（三）项）。"),
        textarea(VAR_SUPERVISION_NOTE, "督促情况").required()));
  }

  private static List<FormField> concat(List<FormField> a, List<FormField> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** Form ids: the start event's and every user task's. */
  public Map<String, List<FormField>> all() {
    return forms;
  }

  public Optional<List<FormField>> of(String formId) {
    return Optional.ofNullable(forms.get(formId));
  }
}
