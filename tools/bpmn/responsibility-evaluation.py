# 吉林市行政执法责任制年度评议考核（吉林市行政执法责任制规定第二十八条至第三十二条；SPEC §2 末）。
# python3 tools/bpmn/layout.py tools/bpmn/responsibility-evaluation.py > processes/responsibility-evaluation.bpmn
PROCESS_ID = 'responsibility-evaluation'
HEADER = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- 吉林市行政执法责任制年度评议考核：每个行政执法单位每年一个实例，租户 jilin；由 POST /api/evaluations/{year} 一次启动全部单位。 -->
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="ResponsibilityEvaluationDefinitions" targetNamespace="http://faultaccountability.cn/bpmn" exporter="Camunda Modeler" exporterVersion="5.30.0">
  <bpmn:process id="responsibility-evaluation" name="行政执法责任制年度评议考核" isExecutable="true" camunda:historyTimeToLive="3650" camunda:versionTag="2026.1">
    <bpmn:documentation>吉林市行政执法责任制规定第二十八条至第三十二条：司法行政部门每年对每个行政执法单位评议考核一次（百分制）。单位自查自评，司法行政部门评议打分，evaluation-grade 决策表评定等级和奖惩：优秀予以表彰，不及格下发整改通知书并限期整改，连续两年不及格建议调离或处分主要领导；考核结果由本级政府通报。</bpmn:documentation>
'''
MESSAGES = ''
Y = 300
node(None, 'startEvent', 'EvaluationStarted', '启动年度评议考核', 150, Y)
ut(None, 'SelfEvaluation', '单位自查自评', 260, Y, 'unit-liaison',
   '吉林市行政执法责任制规定第三十条第（一）项、第（三）项：被考核单位对照第二十九条所列内容（组织领导及行政决策、制度建立落实、机构与队伍建设、规范性文件审查备案、执行政府命令决定、履行执法程序、过错责任追究等）自查自评，填写自评报告（selfEvaluation）。')
st(None, 'RecordSelfEvaluation', '登记自评报告', 400, Y, 'recordEvaluationStepDelegate',
   {'step': 'SELF_EVALUATION', 'field': 'selfEvaluation'})
ut(None, 'EvaluateUnit', '司法行政部门评议考核', 540, Y, 'supervision-head',
   '吉林市行政执法责任制规定第二十八条、第三十条、第三十一条：司法行政部门听取汇报、查阅资料、抽查案卷、结合群众评议后打分。填写考核得分（score，0至100分，百分制）和评议意见（evaluationNotes）。')
st(None, 'RecordScore', '登记考核得分', 680, Y, 'recordEvaluationScoreDelegate',
   documentation='核对得分在0至100分之间，取该单位上一年度的考核等级（previousGrade，无则为空）。')
brt(None, 'GradeEvaluation', '评定等级', 820, Y, 'evaluation-grade', 'gradeResult', 'singleResult',
    documentation='evaluation-grade 决策表（吉林市行政执法责任制规定第三十一条、第三十二条），输入 score 与 previousGrade。')
st(None, 'RecordGrade', '记录等级与奖惩', 960, Y, 'recordEvaluationGradeDelegate')
st(None, 'AddToCircular', '列入年度考核通报', 1100, Y, 'recordEvaluationStepDelegate', {'step': 'CIRCULAR'},
   documentation='吉林市行政执法责任制规定第三十一条第二款：评议考核结果由本级政府予以通报。本单位结果列入本年度通报（GET /api/evaluations/{year}）。')
gw(None, 'Consequence', '奖惩', 1230, Y, default='Flow_Consequence_None')
flow('EvaluationStarted', 'SelfEvaluation'); flow('SelfEvaluation', 'RecordSelfEvaluation')
flow('RecordSelfEvaluation', 'EvaluateUnit'); flow('EvaluateUnit', 'RecordScore'); flow('RecordScore', 'GradeEvaluation')
flow('GradeEvaluation', 'RecordGrade'); flow('RecordGrade', 'AddToCircular'); flow('AddToCircular', 'Consequence')

# commendation (Art. 32(2))
ut(None, 'Commend', '报请本级政府表彰', 1370, 150, 'government-approver',
   '吉林市行政执法责任制规定第三十二条第（二）项：评议考核为优秀的单位，由本级政府予以表彰。登记表彰决定（commendation：文号、日期）。')
st(None, 'RecordCommendation', '登记表彰', 1510, 150, 'recordEvaluationStepDelegate',
   {'step': 'COMMENDATION', 'field': 'commendation'})
flow('Consequence', 'Commend', '优秀：表彰', "${consequence == 'COMMENDATION'}")
flow('Commend', 'RecordCommendation')

# second failing year in a row (Art. 32(4)); the rectification notice of Art. 32(3) follows as well
ut(None, 'RecommendLeaderRemoval', '建议调离或处分主要领导', 1370, 450, 'supervision-head',
   '吉林市行政执法责任制规定第三十二条第（四）项：连续两年评议考核不及格的单位，由司法行政部门建议有关部门对其主要领导及主管领导调离现岗位或给予行政处分。登记建议内容和接收建议的部门（removalRecommendation）。随后按第（三）项下发整改通知书。')
st(None, 'RecordRemovalRecommendation', '登记调离或处分建议', 1510, 450, 'recordEvaluationStepDelegate',
   {'step': 'REMOVAL_RECOMMENDATION', 'field': 'removalRecommendation'})
gw(None, 'RectificationMerge', '', 1630, 580)
flow('Consequence', 'RecommendLeaderRemoval', '连续两年不及格', "${consequence == 'RECOMMEND_LEADER_REMOVAL'}")
flow('RecommendLeaderRemoval', 'RecordRemovalRecommendation')
flow('RecordRemovalRecommendation', 'RectificationMerge', via=[(1630, 450)])
flow('Consequence', 'RectificationMerge', '不及格：整改', "${consequence == 'RECTIFICATION_NOTICE'}", via=[(1230, 580)])

# rectification notice with a follow-up deadline (Art. 32(3))
ut(None, 'IssueRectificationNotice', '下发整改通知书', 1760, 580, 'government-approver',
   '吉林市行政执法责任制规定第三十二条第（三）项：对评议考核不及格的单位，由本级政府下发整改通知书，由司法行政部门督促整改，并建议有关部门对该单位主要领导或分管领导进行诫勉谈话。登记整改通知书（rectificationNotice：文号及整改要求）和整改期限（rectificationDueDate）。')
st(None, 'RecordRectificationNotice', '登记整改通知书', 1900, 580, 'recordRectificationNoticeDelegate')
ut(None, 'Rectify', '限期整改并报告', 2040, 580, 'unit-liaison',
   '按整改通知书在整改期限内完成整改，报告整改情况（rectificationReport）。逾期未报告的，由司法行政部门督促整改。')
st(None, 'RecordRectification', '登记整改情况', 2180, 580, 'recordEvaluationStepDelegate',
   {'step': 'RECTIFICATION', 'field': 'rectificationReport'})
boundary('RectificationOverdue', '整改期限届满', 'Rectify', 70,
         timer_date('${rectificationOverdueAt}'))
ut(None, 'SuperviseRectification', '督促整改', 2110, 760, 'supervision-head',
   '整改期限已过，被考核单位尚未报告整改情况：司法行政部门督促整改（吉林市行政执法责任制规定第三十二条第（三）项），记录督促情况。')
node(None, 'endEvent', 'RectificationSupervised', '已督促', 2240, 760)
flow('RectificationMerge', 'IssueRectificationNotice'); flow('IssueRectificationNotice', 'RecordRectificationNotice')
flow('RecordRectificationNotice', 'Rectify'); flow('Rectify', 'RecordRectification')
flow('RectificationOverdue', 'SuperviseRectification'); flow('SuperviseRectification', 'RectificationSupervised')

gw(None, 'EvaluationSettled', '', 2320, Y)
st(None, 'CloseEvaluation', '评议考核办结', 2440, Y, 'recordEvaluationStepDelegate', {'step': 'CLOSED'})
node(None, 'endEvent', 'EvaluationClosed', '办结', 2560, Y)
flow('Consequence', 'EvaluationSettled', '良好、及格', id='Flow_Consequence_None')
flow('RecordCommendation', 'EvaluationSettled', via=[(2320, 150)])
flow('RecordRectification', 'EvaluationSettled', via=[(2320, 580)])
flow('EvaluationSettled', 'CloseEvaluation'); flow('CloseEvaluation', 'EvaluationClosed')
