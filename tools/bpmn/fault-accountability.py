PROCESS_ID = 'fault-accountability'
HEADER = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- 行政执法过错责任追究程序（SPEC §2）：所有辖区共用，每个实例属于其辖区租户；决策表按实例租户解析。 -->
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="FaultAccountabilityDefinitions" targetNamespace="http://faultaccountability.cn/bpmn" exporter="Camunda Modeler" exporterVersion="5.30.0">
  <bpmn:process id="fault-accountability" name="行政执法过错责任追究" isExecutable="true" camunda:historyTimeToLive="3650" camunda:versionTag="2026.1">
    <bpmn:documentation>从线索受理到复核决定：核查与立案、调查与处理（含陈述申辩、认定、济南市政府批准、明山区领导小组集体认定）、送达、复核、执行与报告、移交。每个法定期限均由 statutory-deadlines 决策表给出，并按工作日历计算；黄色提醒与红色督办为不中断的计时器。</bpmn:documentation>
'''
MESSAGES = '''  <bpmn:message id="Message_ReviewApplication" name="ReviewApplication" />
  <bpmn:message id="Message_RecusalRequest" name="RecusalRequest" />
'''
Y = 450
# ---------------- intake and limitation ----------------
node(None, 'startEvent', 'LeadReceived', '收到线索', 180, Y,
     attrs='camunda:formRef="LeadReceived" camunda:formRefBinding="latest" camunda:initiator="initiator"')
st(None, 'RegisterCase', '登记案件', 290, Y, 'registerCaseDelegate',
   documentation='编号 <辖区>-<年份>-<5位序号>，登记线索来源、执法行为、单位、当事人及其角色、过错终了日与发现日（吉林市办法第七条、常州市办法第二十七条、济南市办法第十六、十七条）。')
brt(None, 'CheckLimitation', '审查追究时效', 430, Y, 'circumstances', 'limitationResults', 'resultList',
    inputs={'factors': None, 'faultsWithinYear': None, 'faultsInCalendarYear': None},
    documentation='只用过错终了日与发现日评估情节表：吉林市办法第十一条第（一）项，自终了之日起2年内未被发现的不予追究。')
st(None, 'ApplyLimitationCheck', '记录时效审查结果', 570, Y, 'applyLimitationCheckDelegate')
gw(None, 'TimeBarred', '超过追究时效？', 700, Y, default='Flow_TimeBarred_No')
st(None, 'StartPreliminaryCheckDeadline', '计算核查期限', 820, Y, 'startDeadlineDelegate', {'stage': 'PRELIMINARY_CHECK'})
flow('LeadReceived', 'RegisterCase'); flow('RegisterCase', 'CheckLimitation'); flow('CheckLimitation', 'ApplyLimitationCheck')
flow('ApplyLimitationCheck', 'TimeBarred')
flow('TimeBarred', 'StartPreliminaryCheckDeadline', '否', id='Flow_TimeBarred_No')

# ---------------- preliminary check and filing approval ----------------
sub(None, 'PreliminaryCheckStage', '核查与立案', 930, 250, 720, 400, body_pre=stage_listener('PRELIMINARY_CHECK'))
node('PreliminaryCheckStage', 'startEvent', 'PreliminaryCheckStarted', '开始核查', 975, Y)
gw('PreliminaryCheckStage', 'PreliminaryCheckMerge', '', 1050, Y)
ut('PreliminaryCheckStage', 'PreliminaryCheck', '核查', 1160, Y, 'investigator',
   '核查线索，提出处理意见：立案、不予立案（写明理由，投诉人将被告知——常州市办法第二十八条）或移交行政执法单位自行处理（济南市办法第十六条）。期限见本阶段的核查期限。')
gw('PreliminaryCheckStage', 'CheckOutcome', '核查结论', 1290, Y, default='Flow_CheckOutcome_File')
ut('PreliminaryCheckStage', 'ApproveFiling', '立案审批', 1410, Y, 'supervision-head',
   '监督机构负责人审批立案：准予立案、不予立案（写明理由），或退回核查（写明理由）。须在核查期限内完成。')
gw('PreliminaryCheckStage', 'FilingDecision', '审批结果', 1530, Y, default='Flow_FilingDecision_Approve')
node('PreliminaryCheckStage', 'endEvent', 'FilingApproved', '准予立案', 1610, Y)
node('PreliminaryCheckStage', 'endEvent', 'DecidedNotToFile', '不予立案', 1610, 570)
node('PreliminaryCheckStage', 'endEvent', 'DecidedToTransfer', '移交单位处理', 1610, 350)
flow('PreliminaryCheckStarted', 'PreliminaryCheckMerge'); flow('PreliminaryCheckMerge', 'PreliminaryCheck')
flow('PreliminaryCheck', 'CheckOutcome')
flow('CheckOutcome', 'ApproveFiling', '立案', id='Flow_CheckOutcome_File')
flow('CheckOutcome', 'DecidedNotToFile', '不予立案', "${checkOutcome == 'NOT_FILE'}")
flow('CheckOutcome', 'DecidedToTransfer', '移交', "${checkOutcome == 'TRANSFER'}")
flow('ApproveFiling', 'FilingDecision')
flow('FilingDecision', 'FilingApproved', '准予立案', id='Flow_FilingDecision_Approve')
flow('FilingDecision', 'DecidedNotToFile', '不予立案', "${filingDecision == 'REJECT'}")
flow('FilingDecision', 'PreliminaryCheckMerge', '退回核查', "${filingDecision == 'RETURN'}",
     via=[(1530, 290), (1050, 290)])
deadline_watch('PreliminaryCheckStage', 'PRELIMINARY_CHECK', '核查期限', 'PreliminaryCheckDeadline', '核查人员',
               '核查期限已过：督促核查人员和立案审批尽快完成，并记录督办意见。', 100, 250)
flow('StartPreliminaryCheckDeadline', 'PreliminaryCheckStage')
gw(None, 'AfterPreliminaryCheck', '核查结果', 1730, Y, default='Flow_AfterPreliminaryCheck_File')
flow('PreliminaryCheckStage', 'AfterPreliminaryCheck')

# ---------------- not filed / not pursued ----------------
gw(None, 'NotPursued', '', 1730, 80)
st(None, 'NotifyComplainantNotFiled', '告知投诉人不予立案理由', 1850, 80, 'notifyComplainantDelegate', {'about': 'NOT_FILED'},
   documentation='常州市办法第二十八条：不予立案的，告知投诉人、检举人并说明理由。')
st(None, 'CloseCaseNotFiled', '结案（不予立案）', 1990, 80, 'closeCaseDelegate', {'status': 'NOT_FILED'})
node(None, 'endEvent', 'CaseNotFiled', '不予立案', 2110, 80)
flow('TimeBarred', 'NotPursued', '是：不予追究', '${timeBarred}', via=[(700, 80)])
flow('AfterPreliminaryCheck', 'NotPursued', '不予立案',
     "${checkOutcome == 'NOT_FILE' || execution.getVariable('filingDecision') == 'REJECT'}")
flow('NotPursued', 'NotifyComplainantNotFiled'); flow('NotifyComplainantNotFiled', 'CloseCaseNotFiled')
flow('CloseCaseNotFiled', 'CaseNotFiled')

# ---------------- transfer to the unit (Jinan 16) ----------------
TY = 1500
st(None, 'StartTransferDeadline', '计算移交处理期限', 1850, TY, 'startDeadlineDelegate', {'stage': 'TRANSFERRED_UNIT_DECISION'})
ut(None, 'UnitDecidesTransferredCase', '被移交单位作出处理决定并报告', 1990, TY, 'unit-liaison',
   '济南市办法第十六条：行政执法单位应当于移交后三十日内作出处理决定，并将处理结果告知行政执法监督机构。填写处理决定和结果。',
   extra=stage_listener('TRANSFERRED_UNIT_DECISION'))
st(None, 'RecordUnitReport', '登记单位处理结果', 2130, TY, 'recordUnitReportDelegate')
st(None, 'CloseCaseTransferred', '结案（移交处理）', 2270, TY, 'closeCaseDelegate', {'status': 'TRANSFERRED'})
node(None, 'endEvent', 'TransferReported', '移交处理完毕', 2390, TY)
flow('AfterPreliminaryCheck', 'StartTransferDeadline', '移交', "${checkOutcome == 'TRANSFER'}")
flow('StartTransferDeadline', 'UnitDecidesTransferredCase'); flow('UnitDecidesTransferredCase', 'RecordUnitReport')
flow('RecordUnitReport', 'CloseCaseTransferred'); flow('CloseCaseTransferred', 'TransferReported')
deadline_watch('UnitDecidesTransferredCase', 'TRANSFERRED_UNIT_DECISION', '移交处理期限', 'TransferDeadline', '被移交单位',
               '被移交单位逾期未报告处理结果：督促其作出处理决定并报告，或由监督机构立案处理。', 15, 85)

# ---------------- investigation and decision (Jinan 19, Changzhou 31) ----------------
st(None, 'StartDecisionDeadline', '计算调查处理期限', 1850, Y, 'startDeadlineDelegate', {'stage': 'DECISION_AFTER_FILING'})
flow('AfterPreliminaryCheck', 'StartDecisionDeadline', '立案', id='Flow_AfterPreliminaryCheck_File')
S = 'InvestigationStage'
sub(None, S, '调查与处理', 1930, 180, 5340, 880, body_pre=stage_listener('DECISION_AFTER_FILING'))
flow('StartDecisionDeadline', S)
node(S, 'startEvent', 'CaseFiled', '已立案', 1975, Y)
gw(S, 'InvestigationMerge', '', 2060, Y)
ut(S, 'Investigate', '调查取证', 2180, Y, 'investigator',
   '调查人员不得少于两人（济南市办法第十八条）；查明事实、证据、过错类别、情节和各当事人的角色。情况复杂可申请延期（济南市办法第十九条），需要鉴定等可申请中止。须在调查处理期限内完成。')
gw(S, 'InvestigationOutcome', '调查结果', 2310, Y, default='Flow_InvestigationOutcome_Done')
flow('CaseFiled', 'InvestigationMerge'); flow('InvestigationMerge', 'Investigate'); flow('Investigate', 'InvestigationOutcome')
# extension (Jinan 19: head's approval, at most 30 days)
ut(S, 'ApproveExtension', '延期审批', 2430, 290, 'supervision-head',
   '济南市办法第十九条：情况复杂的，经监督机构负责人批准可以延长，最多不超过三十日。批准（写明延长天数）或退回（写明理由）。')
gw(S, 'ExtensionDecision', '审批结果', 2560, 290, default='Flow_ExtensionDecision_Return')
st(S, 'ExtendDecisionDeadline', '延长调查处理期限', 2690, 290, 'extendDeadlineDelegate', {'stage': 'DECISION_AFTER_FILING'})
flow('InvestigationOutcome', 'ApproveExtension', '申请延期', "${investigationOutcome == 'REQUEST_EXTENSION'}")
flow('ApproveExtension', 'ExtensionDecision')
flow('ExtensionDecision', 'ExtendDecisionDeadline', '批准', "${approval == 'APPROVE'}")
flow('ExtendDecisionDeadline', 'InvestigationMerge', via=[(2690, 215), (2060, 215)])
flow('ExtensionDecision', 'InvestigationMerge', '退回', via=[(2560, 230), (2060, 230)], id='Flow_ExtensionDecision_Return')
# suspension (中止) and resumption
ut(S, 'ApproveSuspension', '中止审批', 2430, 620, 'supervision-head',
   '监督机构负责人审批中止（例如等待鉴定）：批准或退回（写明理由）。中止期间期限暂停计算，恢复后期限顺延中止的天数。')
gw(S, 'SuspensionDecision', '审批结果', 2560, 620, default='Flow_SuspensionDecision_Return')
st(S, 'SuspendStage', '中止计时', 2690, 620, 'suspendDeadlineDelegate', {'stage': 'DECISION_AFTER_FILING'})
ut(S, 'ResumeStage', '恢复调查', 2830, 620, 'supervision-head',
   '中止事由消除后，由监督机构负责人写明理由恢复调查；期限按中止天数顺延。')
st(S, 'ResumeDecisionDeadline', '恢复计时', 2970, 620, 'resumeDeadlineDelegate', {'stage': 'DECISION_AFTER_FILING'})
flow('InvestigationOutcome', 'ApproveSuspension', '申请中止', "${investigationOutcome == 'REQUEST_SUSPENSION'}")
flow('ApproveSuspension', 'SuspensionDecision')
flow('SuspensionDecision', 'SuspendStage', '批准', "${approval == 'APPROVE'}")
flow('SuspendStage', 'ResumeStage'); flow('ResumeStage', 'ResumeDecisionDeadline')
flow('ResumeDecisionDeadline', 'InvestigationMerge', via=[(2970, 720), (2060, 720)])
flow('SuspensionDecision', 'InvestigationMerge', '退回', via=[(2560, 705), (2060, 705)], id='Flow_SuspensionDecision_Return')
# statement and defence (Jinan 18, Changzhou 30, Mingshan 18)
st(S, 'RecordInvestigation', '登记调查结果', 3000, Y, 'recordInvestigationDelegate',
   documentation='核对调查人员不少于两人（济南市办法第十八条），登记事实、证据、过错类别与情形。')
st(S, 'StartStatementDeadline', '计算陈述申辩期限', 3130, Y, 'startDeadlineDelegate', {'stage': 'STATEMENT_AND_DEFENCE'})
ut(S, 'StatementAndDefence', '陈述申辩', 3260, Y, 'unit-liaison',
   '作出决定前听取被调查单位及人员的陈述和申辩（济南市办法第十八条、常州市办法第三十条）。在陈述申辩期限内提交；期满未提交的视为放弃。')
gw(S, 'StatementMerge', '', 3380, Y)
flow('InvestigationOutcome', 'RecordInvestigation', '调查终结', id='Flow_InvestigationOutcome_Done')
flow('RecordInvestigation', 'StartStatementDeadline')
flow('StartStatementDeadline', 'StatementAndDefence'); flow('StatementAndDefence', 'StatementMerge')
boundary('StatementPeriodLapsed', '陈述申辩期满', 'StatementAndDefence', 70,
         timer_date("${deadlines.dueAt(execution, 'STATEMENT_AND_DEFENCE')}"), interrupting=True)
flow('StatementPeriodLapsed', 'StatementMerge', via=[(3280, 560), (3380, 560)])
st(S, 'RecordStatement', '登记陈述申辩情况', 3490, 620, 'recordStatementDelegate',
   documentation='登记当事人的陈述和申辩；期满未提交的，记录为放弃。')
# apportionment between roles
brt(S, 'ApportionLiability', '责任划分', 3600, 620, 'liability-apportionment', 'apportionment', 'singleResult',
    documentation='按过错情形（scenario）评估责任划分表；表中无对应规则的（如济南市办法第十五条不作固定划分），由人工认定。')
st(S, 'ApplyApportionment', '记录责任划分', 3710, Y, 'applyApportionmentDelegate')
gw(S, 'LiabilityComplete', '责任均已划分？', 3820, Y, default='Flow_LiabilityComplete_Yes')
ut(S, 'DetermineLiabilityManually', '人工认定责任划分', 3820, 300, 'supervision-head',
   '决策表对本案情形没有规定：根据各人履行的承办、审核、批准职责和实际作用，逐人认定责任程度（济南市办法第十五条）。')
st(S, 'RecordManualLiability', '登记人工认定的责任', 3940, 300, 'recordManualLiabilityDelegate')
gw(S, 'LiabilityMerge', '', 4010, Y)
flow('StatementMerge', 'RecordStatement', via=[(3380, 620)]); flow('RecordStatement', 'ApportionLiability')
flow('ApportionLiability', 'ApplyApportionment', via=[(3710, 620)])
flow('ApplyApportionment', 'LiabilityComplete')
flow('LiabilityComplete', 'DetermineLiabilityManually', '否', '${!liabilityComplete}')
flow('DetermineLiabilityManually', 'RecordManualLiability')
flow('RecordManualLiability', 'LiabilityMerge', via=[(4010, 300)])
flow('LiabilityComplete', 'LiabilityMerge', '是', id='Flow_LiabilityComplete_Yes')
# per party: unit liability, circumstances, sanctions
M = 'AssessEachParty'
sub(S, M, '逐一认定当事人', 4070, 280, 1400, 480,
    body_pre=('<bpmn:extensionElements><camunda:inputOutput>'
              '<camunda:inputParameter name="partyType" /><camunda:inputParameter name="factors" />'
              '<camunda:inputParameter name="faultsWithinYear" /><camunda:inputParameter name="faultsInCalendarYear" />'
              '<camunda:inputParameter name="unitCount" /><camunda:inputParameter name="isLeadUnit" />'
              '<camunda:inputParameter name="unitLiability" /><camunda:inputParameter name="circumstanceResults" />'
              '<camunda:inputParameter name="exempt" /><camunda:inputParameter name="target" />'
              '<camunda:inputParameter name="liability" /><camunda:inputParameter name="proposedMeasures" />'
              '</camunda:inputOutput></bpmn:extensionElements>'),
    loop='<bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="${caseParties.partyIds(caseId)}" camunda:elementVariable="partyId" />')
node(M, 'startEvent', 'PartyAssessmentStarted', '开始', 4110, Y)
st(M, 'PrepareAssessment', '准备认定要素', 4220, Y, 'prepareAssessmentDelegate',
   documentation='计算本人（本单位）一年内及本年度内的过错次数（含本次），取本案日期和该当事人的情节因素。')
gw(M, 'PartyType', '当事人类型', 4340, Y, default='Flow_PartyType_Person')
brt(M, 'AssessUnitLiability', '单位责任', 4420, 620, 'unit-liability', 'unitLiability', 'singleResult')
st(M, 'ApplyUnitLiability', '记录单位责任', 4560, 620, 'applyUnitLiabilityDelegate')
gw(M, 'PartyTypeMerge', '', 4660, Y)
brt(M, 'AssessCircumstances', '情节认定', 4780, Y, 'circumstances', 'circumstanceResults', 'resultList')
st(M, 'ApplyCircumstances', '记录情节', 4920, Y, 'applyCircumstancesDelegate')
gw(M, 'Exempt', '免予追究？', 5050, Y, default='Flow_Exempt_No')
brt(M, 'ProposeSanctions', '建议追究方式', 5170, Y, 'sanctions', 'proposedMeasures', 'resultList')
st(M, 'RecordProposedMeasures', '记录建议的追究方式', 5310, Y, 'recordProposedMeasuresDelegate')
node(M, 'endEvent', 'PartyAssessed', '已认定', 5420, Y)
node(M, 'endEvent', 'PartyExempt', '免予追究', 5170, 640)
flow('PartyAssessmentStarted', 'PrepareAssessment'); flow('PrepareAssessment', 'PartyType')
flow('PartyType', 'AssessUnitLiability', '单位', "${partyType == 'UNIT'}")
flow('AssessUnitLiability', 'ApplyUnitLiability')
flow('ApplyUnitLiability', 'PartyTypeMerge', via=[(4660, 620)])
flow('PartyType', 'PartyTypeMerge', '个人', id='Flow_PartyType_Person')
flow('PartyTypeMerge', 'AssessCircumstances'); flow('AssessCircumstances', 'ApplyCircumstances')
flow('ApplyCircumstances', 'Exempt')
flow('Exempt', 'PartyExempt', '是', '${exempt}')
flow('Exempt', 'ProposeSanctions', '否', id='Flow_Exempt_No')
flow('ProposeSanctions', 'RecordProposedMeasures'); flow('RecordProposedMeasures', 'PartyAssessed')
flow('LiabilityMerge', M)
# determination: the head, or Mingshan's leading group collectively (Mingshan 7, 16)
gw(S, 'DeterminationMerge', '', 5540, Y)
gw(S, 'WhoDetermines', '认定主体', 5630, Y, default='Flow_WhoDetermines_Head')
ut(S, 'Determine', '作出认定', 5760, Y, 'supervision-head',
   '审阅决策表的建议（每项追究方式的依据、是否必须适用），认定过错类别、情节、责任和追究方式。删除必须适用的措施或增加建议之外的措施，须写明理由（记入案卷）。须在调查处理期限内完成。')
ut(S, 'CollectiveDetermination', '领导小组集体认定', 5760, 620, 'supervision-head',
   '明山区制度第七条、第十六条：由领导小组集体讨论认定。记录会议、参加人员和认定结果；偏离决策表建议须写明理由。')
gw(S, 'DeterminedMerge', '', 5890, Y)
st(S, 'RecordDetermination', '记录认定结果', 6010, Y, 'recordDeterminationDelegate')
gw(S, 'TransferNeeded', '需要移送？', 6140, Y, default='Flow_TransferNeeded_No')
ut(S, 'TransferToAuthorities', '移送有权机关', 6260, 620, 'supervision-head',
   '涉嫌犯罪的移送司法机关，应当给予政纪处分的移送纪检监察机关（吉林市办法第十三条、济南市办法第二十三条、常州市办法第三十四条）。记录接收机关和移送日期；本案的行政部分继续办理。')
st(S, 'RecordTransfer', '登记移送', 6400, 620, 'recordTransferDelegate')
gw(S, 'TransferMerge', '', 6520, Y)
gw(S, 'GovernmentApprovalNeeded', '需报政府批准？', 6620, Y, default='Flow_GovernmentApprovalNeeded_No')
ut(S, 'GovernmentApproval', '报本级人民政府批准', 6740, 620, 'government-approver',
   '济南市办法第二十条：处理决定应当报经本级人民政府批准。批准，或退回重新认定（写明理由）。')
gw(S, 'GovernmentDecision', '批准结果', 6870, 620, default='Flow_GovernmentDecision_Approve')
gw(S, 'ApprovalMerge', '', 6990, Y)
st(S, 'IssueDecision', '作出处理决定', 7110, Y, 'issueDecisionDelegate',
   documentation='作出行政执法过错责任追究处理决定（常州市办法第三十二条所列内容）。')
node(S, 'endEvent', 'DecisionIssued', '已作出处理决定', 7220, Y)
flow(M, 'DeterminationMerge'); flow('DeterminationMerge', 'WhoDetermines')
flow('WhoDetermines', 'Determine', '监督机构负责人', id='Flow_WhoDetermines_Head')
flow('WhoDetermines', 'CollectiveDetermination', '明山区领导小组', "${execution.tenantId == 'mingshan'}")
flow('Determine', 'DeterminedMerge'); flow('CollectiveDetermination', 'DeterminedMerge', via=[(5890, 620)])
flow('DeterminedMerge', 'RecordDetermination'); flow('RecordDetermination', 'TransferNeeded')
flow('TransferNeeded', 'TransferToAuthorities', '是', '${crimeSuspected || disciplinaryMatter}')
flow('TransferToAuthorities', 'RecordTransfer'); flow('RecordTransfer', 'TransferMerge', via=[(6520, 620)])
flow('TransferNeeded', 'TransferMerge', '否', id='Flow_TransferNeeded_No')
flow('TransferMerge', 'GovernmentApprovalNeeded')
flow('GovernmentApprovalNeeded', 'GovernmentApproval', '济南市', "${execution.tenantId == 'jinan'}")
flow('GovernmentApproval', 'GovernmentDecision')
flow('GovernmentDecision', 'ApprovalMerge', '批准', via=[(6990, 620)], id='Flow_GovernmentDecision_Approve')
flow('GovernmentDecision', 'DeterminationMerge', '退回重新认定', "${approval == 'RETURN'}",
     via=[(6870, 800), (5540, 800)])
flow('GovernmentApprovalNeeded', 'ApprovalMerge', '否', id='Flow_GovernmentApprovalNeeded_No')
flow('ApprovalMerge', 'IssueDecision'); flow('IssueDecision', 'DecisionIssued')
# recusal (Jinan 18, Changzhou 30): a respondent's request goes to the head
sub(S, 'RecusalRequested', '回避申请', 1980, 880, 560, 150, triggered=True)
node('RecusalRequested', 'startEvent', 'RecusalRequestReceived', '收到回避申请', 2030, 955,
     message('Message_RecusalRequest'), 'isInterrupting="false"')
ut('RecusalRequested', 'DecideRecusal', '回避申请审查', 2170, 955, 'supervision-head',
   '调查人员与案件或被调查单位、人员有利害关系的，应当回避（济南市办法第十八条、常州市办法第三十条）。决定是否回避；决定回避的，指定替换的调查人员。')
st('RecusalRequested', 'RecordRecusal', '记录回避决定', 2320, 955, 'recordRecusalDelegate')
node('RecusalRequested', 'endEvent', 'RecusalDecided', '已决定', 2450, 955)
flow('RecusalRequestReceived', 'DecideRecusal'); flow('DecideRecusal', 'RecordRecusal'); flow('RecordRecusal', 'RecusalDecided')
deadline_watch(S, 'DECISION_AFTER_FILING', '调查处理期限', 'DecisionDeadline', '调查人员',
               '自立案之日起的调查处理期限已过（济南市办法第十九条、常州市办法第三十一条）：督促调查组尽快终结调查并作出决定，记录督办意见。', 700, 850)

# ---------------- service, then review / notification / execution in parallel ----------------
ut(None, 'ServeDecision', '送达处理决定', 7370, Y, 'intake-clerk',
   '将处理决定书送达被追究的单位和人员，登记送达日期：复核申请期限自收到决定之日起计算（吉林市办法第十四条、济南市办法第二十一条、常州市办法第三十三条）。')
st(None, 'RecordService', '登记送达', 7510, Y, 'recordServiceDelegate')
gw(None, 'AfterService', '', 7640, Y, t='parallelGateway')
flow(S, 'ServeDecision'); flow('ServeDecision', 'RecordService'); flow('RecordService', 'AfterService')
# (a) review window and review
# the review window runs from the respondent's receipt of the decision (Jilin 14, Jinan 21, Changzhou 33)
st(None, 'StartReviewApplicationDeadline', '计算复核申请期限', 7770, Y, 'startDeadlineDelegate',
   {'stage': 'REVIEW_APPLICATION', 'eventDate': '${serviceDate}'})
gw(None, 'AwaitReviewApplication', '等待复核申请', 7900, Y, t='eventBasedGateway')
node(None, 'intermediateCatchEvent', 'ReviewApplicationReceived', '收到复核申请', 8000, Y, message('Message_ReviewApplication'))
node(None, 'intermediateCatchEvent', 'ReviewWindowLapsed', '复核申请期限届满', 8000, 330,
     timer_date("${deadlines.dueAt(execution, 'REVIEW_APPLICATION')}"))
st(None, 'StartReviewDecisionDeadline', '计算复核决定期限', 8110, Y, 'startDeadlineDelegate', {'stage': 'REVIEW_DECISION'})
flow('AfterService', 'StartReviewApplicationDeadline'); flow('StartReviewApplicationDeadline', 'AwaitReviewApplication')
flow('AwaitReviewApplication', 'ReviewApplicationReceived'); flow('AwaitReviewApplication', 'ReviewWindowLapsed')
flow('ReviewApplicationReceived', 'StartReviewDecisionDeadline')
R = 'ReviewStage'
sub(None, R, '复核', 8200, 290, 900, 380, body_pre=stage_listener('REVIEW_DECISION'))
node(R, 'startEvent', 'ReviewStarted', '开始复核', 8240, Y)
gw(R, 'ReviewMerge', '', 8320, Y)
ut(R, 'DecideReview', '作出复核决定', 8440, Y, 'supervision-head',
   '复核机关自收到复核申请之日起三十日内作出复核决定：维持、变更或撤销（吉林市办法第十四条、济南市办法第二十一条、常州市办法第三十三条）。常州市案情复杂的可申请延期，最多三十日。复核期间原决定不停止执行。')
gw(R, 'ReviewOutcome', '复核结论', 8570, Y, default='Flow_ReviewOutcome_Decided')
ut(R, 'ApproveReviewExtension', '复核延期审批', 8690, 580, 'supervision-head',
   '常州市办法第三十三条：案情复杂的，可以适当延长，但延长时间不得超过三十日。批准（写明天数）或退回。')
gw(R, 'ReviewExtensionDecision', '审批结果', 8820, 580, default='Flow_ReviewExtensionDecision_Return')
st(R, 'ExtendReviewDeadline', '延长复核期限', 8950, 580, 'extendDeadlineDelegate', {'stage': 'REVIEW_DECISION'})
node(R, 'endEvent', 'ReviewDecided', '已作出复核决定', 9040, Y)
flow('StartReviewDecisionDeadline', R)
flow('ReviewStarted', 'ReviewMerge'); flow('ReviewMerge', 'DecideReview'); flow('DecideReview', 'ReviewOutcome')
flow('ReviewOutcome', 'ReviewDecided', '维持/变更/撤销', id='Flow_ReviewOutcome_Decided')
flow('ReviewOutcome', 'ApproveReviewExtension', '申请延期', "${reviewOutcome == 'REQUEST_EXTENSION'}")
flow('ApproveReviewExtension', 'ReviewExtensionDecision')
flow('ReviewExtensionDecision', 'ExtendReviewDeadline', '批准', "${approval == 'APPROVE'}")
flow('ExtendReviewDeadline', 'ReviewMerge', via=[(8950, 650), (8320, 650)])
flow('ReviewExtensionDecision', 'ReviewMerge', '退回', via=[(8820, 640), (8320, 640)], id='Flow_ReviewExtensionDecision_Return')
deadline_watch(R, 'REVIEW_DECISION', '复核决定期限', 'ReviewDeadline', '复核人员',
               '复核决定期限已过：督促尽快作出复核决定，记录督办意见。', 100, 250)
st(None, 'ApplyReviewOutcome', '执行复核结论', 9200, Y, 'applyReviewOutcomeDelegate',
   documentation='维持：原决定不变；变更：以复核决定的追究方式替换原决定；撤销：原决定的追究方式全部撤销。')
st(None, 'RecordDecisionFinal', '登记未申请复核', 9200, 330, 'recordDecisionFinalDelegate')
gw(None, 'ReviewSettled', '', 9330, Y)
gw(None, 'AllDone', '', 9460, Y, t='parallelGateway')
flow(R, 'ApplyReviewOutcome'); flow('ApplyReviewOutcome', 'ReviewSettled')
flow('ReviewWindowLapsed', 'RecordDecisionFinal'); flow('RecordDecisionFinal', 'ReviewSettled', via=[(9330, 330)])
flow('ReviewSettled', 'AllDone')
# (b) complainant told (Jilin 15), personnel filing (Jilin 16)
st(None, 'NotifyComplainantOfOutcome', '告知投诉人、检举人处理结果', 7770, 170, 'notifyComplainantDelegate', {'about': 'OUTCOME'},
   documentation='吉林市办法第十五条：追究决定作出后，应当告知申诉人、检举人。')
gw(None, 'PersonnelFilingNeeded', '需报人事部门备案？', 7900, 170, default='Flow_PersonnelFilingNeeded_No')
ut(None, 'FileWithPersonnelDepartment', '报人事部门备案', 8030, 60, 'hr-clerk',
   '吉林市办法第十六条：追究决定应当依照人事管理权限，报送同级人事部门备案。登记备案日期和接收部门。')
gw(None, 'PersonnelFilingMerge', '', 8160, 170)
flow('AfterService', 'NotifyComplainantOfOutcome', via=[(7640, 170)])
flow('NotifyComplainantOfOutcome', 'PersonnelFilingNeeded')
flow('PersonnelFilingNeeded', 'FileWithPersonnelDepartment', '吉林市', "${execution.tenantId == 'jilin'}")
flow('FileWithPersonnelDepartment', 'PersonnelFilingMerge', via=[(8160, 60)])
flow('PersonnelFilingNeeded', 'PersonnelFilingMerge', '否', id='Flow_PersonnelFilingNeeded_No')
flow('PersonnelFilingMerge', 'AllDone', via=[(9460, 170)])
# (c) execution and report (Changzhou 35; refusal: Jilin 17)
EY = 1150
st(None, 'StartExecutionDeadline', '计算执行期限', 7770, EY, 'startDeadlineDelegate',
   {'stage': 'EXECUTION_REPORT', 'eventDate': '${serviceDate}'})
ut(None, 'ExecuteDecision', '执行处理决定并报告', 7910, EY, 'unit-liaison',
   '被追究的单位在规定时限内执行处理决定，并将执行情况上报（常州市办法第三十五条）；拒不执行的，给予通报批评并建议处分其负责人（吉林市办法第十七条）。逐项填写已执行的追究方式。',
   extra=stage_listener('EXECUTION_REPORT'))
st(None, 'RecordExecution', '登记执行情况', 8050, EY, 'recordExecutionDelegate')
flow('AfterService', 'StartExecutionDeadline', via=[(7640, EY)])
flow('StartExecutionDeadline', 'ExecuteDecision'); flow('ExecuteDecision', 'RecordExecution')
flow('RecordExecution', 'AllDone', via=[(9460, EY)])
deadline_watch('ExecuteDecision', 'EXECUTION_REPORT', '执行期限', 'ExecutionDeadline', '被追究单位',
               '被追究单位逾期未报告执行情况：督促执行；拒不执行的，按吉林市办法第十七条通报批评并建议处分其负责人，记录督办意见。', 15, 85)
# after review and execution: correct what was executed if the review changed the decision
st(None, 'CompareExecutionWithDecision', '核对执行与最终决定', 9590, Y, 'compareExecutionDelegate')
gw(None, 'ExecutionMatches', '执行与决定一致？', 9720, Y, default='Flow_ExecutionMatches_Yes')
ut(None, 'CorrectExecution', '补正执行', 9840, 620, 'unit-liaison',
   '已执行的追究方式与最终决定不一致（例如复核变更或撤销了原决定，或原决定未全部执行）：按最终决定补正执行，并报告。')
st(None, 'RecordCorrectedExecution', '登记纠正执行情况', 9980, 620, 'recordExecutionDelegate')
gw(None, 'ExecutionSettled', '', 10100, Y)
st(None, 'CloseCase', '结案', 10220, Y, 'closeCaseDelegate', {'status': 'CLOSED'})
node(None, 'endEvent', 'CaseClosed', '结案', 10340, Y)
flow('AllDone', 'CompareExecutionWithDecision'); flow('CompareExecutionWithDecision', 'ExecutionMatches')
flow('ExecutionMatches', 'CorrectExecution', '否', '${executionNeedsCorrection}')
flow('CorrectExecution', 'RecordCorrectedExecution')
flow('RecordCorrectedExecution', 'ExecutionSettled', via=[(10100, 620)])
flow('ExecutionMatches', 'ExecutionSettled', '是', id='Flow_ExecutionMatches_Yes')
flow('ExecutionSettled', 'CloseCase'); flow('CloseCase', 'CaseClosed')
