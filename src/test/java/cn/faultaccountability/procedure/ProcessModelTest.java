package cn.faultaccountability.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The procedure as a model, deployed into a plain engine: it parses, and it reads as the procedure reads — every
 * element has a Chinese name, every user task says what to do and by when, goes to a role of the case's own tenant
 * and has its form, and every business-rule task resolves its table in the case's tenant.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/fault-accountability.bpmn")
class ProcessModelTest {

  ProcessEngine engine;

  private BpmnModelInstance model() {
    RepositoryService repositoryService = engine.getRepositoryService();
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("fault-accountability").singleResult();
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
    return repositoryService.getBpmnModelInstance(definition.getId());
  }

  @Test
  void everyUserTaskSaysWhatToDoAndGoesToARoleOfTheCasesTenantWithItsForm() {
    Collection<UserTask> tasks = model().getModelElementsByType(UserTask.class);
    assertThat(tasks).hasSizeGreaterThan(20);
    for (UserTask task : tasks) {
      assertThat(task.getDocumentations()).as(task.getId()).isNotEmpty();
      assertThat(task.getDocumentations().iterator().next().getTextContent()).as(task.getId()).hasSizeGreaterThan(15);
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).startsWith("${execution.tenantId}-");
      assertThat(task.getCamundaFormRef()).as(task.getId()).isEqualTo(task.getId());
    }
  }

  @Test
  void everyBusinessRuleTaskResolvesItsTableInTheCasesTenant() {
    for (BusinessRuleTask task : model().getModelElementsByType(BusinessRuleTask.class)) {
      assertThat(task.getCamundaDecisionRefTenantId()).as(task.getId()).isEqualTo("${execution.tenantId}");
      assertThat(task.getCamundaDecisionRefBinding()).as(task.getId()).isEqualTo("latest");
    }
  }

  @Test
  void everyElementHasAChineseNameAndAnEnglishId() {
    for (FlowNode node : model().getModelElementsByType(FlowNode.class)) {
      if (node.getName() == null || node.getName().isBlank()) {
        // unnamed merging gateways only
        assertThat(node.getElementType().getTypeName()).as(node.getId()).endsWith("Gateway");
        continue;
      }
      assertThat(node.getName()).as(node.getId()).containsPattern("\\p{IsHan}");
      assertThat(node.getId()).as(node.getName()).matches("[A-Za-z][A-Za-z0-9_]*");
    }
  }
}
