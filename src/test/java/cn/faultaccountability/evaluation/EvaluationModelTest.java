package cn.faultaccountability.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The evaluation as a model on a plain engine: it parses; Chinese names and English ids; every user task says what
 * to do, goes to a role of the instance's tenant and has its form; evaluation-grade resolves in the instance's tenant;
 * every element and flow is drawn (DI), so Modeler and Cockpit show it.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/responsibility-evaluation.bpmn")
class EvaluationModelTest {

  ProcessEngine engine;

  private BpmnModelInstance model() {
    RepositoryService repositoryService = engine.getRepositoryService();
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("responsibility-evaluation").singleResult();
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
    assertThat(definition.getName()).isEqualTo("行政执法责任制年度评议考核");
    return repositoryService.getBpmnModelInstance(definition.getId());
  }

  @Test
  void userTasksSayWhatToDoAndGoToARoleOfTheInstancesTenant() {
    Collection<UserTask> tasks = model().getModelElementsByType(UserTask.class);
    assertThat(tasks).extracting(UserTask::getId).contains("SelfEvaluation", "EvaluateUnit", "Commend",
        "IssueRectificationNotice", "Rectify", "SuperviseRectification", "RecommendLeaderRemoval");
    for (UserTask task : tasks) {
      assertThat(task.getDocumentations()).as(task.getId()).isNotEmpty();
      assertThat(task.getDocumentations().iterator().next().getTextContent()).as(task.getId()).hasSizeGreaterThan(15);
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).startsWith("${execution.tenantId}-");
      assertThat(task.getCamundaFormRef()).as(task.getId()).isEqualTo(task.getId());
    }
  }

  @Test
  void gradeIsDecidedByTheTenantsTable() {
    BusinessRuleTask grade = model().getModelElementById("GradeEvaluation");
    assertThat(grade.getCamundaDecisionRef()).isEqualTo("evaluation-grade");
    assertThat(grade.getCamundaDecisionRefTenantId()).isEqualTo("${execution.tenantId}");
    assertThat(grade.getCamundaMapDecisionResult()).isEqualTo("singleResult");
  }

  @Test
  void everyElementIsNamedInChineseAndDrawn() {
    BpmnModelInstance model = model();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node.getName() == null || node.getName().isBlank()) {
        assertThat(node.getElementType().getTypeName()).as(node.getId()).endsWith("Gateway");
      } else {
        assertThat(node.getName()).as(node.getId()).containsPattern("\\p{IsHan}");
      }
      assertThat(node.getId()).matches("[A-Za-z][A-Za-z0-9_]*");
    }
    var drawn = model.getModelElementsByType(BpmnShape.class).stream().map(BpmnShape::getBpmnElement)
        .map(BaseElement::getId).toList();
    assertThat(drawn).containsAll(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
    var edges = model.getModelElementsByType(BpmnEdge.class).stream().map(BpmnEdge::getBpmnElement)
        .map(BaseElement::getId).toList();
    assertThat(edges).containsAll(model.getModelElementsByType(SequenceFlow.class).stream()
        .map(SequenceFlow::getId).toList());
  }
}
