package cn.faultaccountability.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A notice the system cannot deliver itself (a phone number): a task in Tasklist for the jurisdiction's intake
 * clerks to call or text the complainant, with the contact and the text to tell.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
public class ManualNotices {

  public static final String TASK_NAME = "电话或短信告知投诉人";

  private final TaskService taskService;
  private final IdentityService identityService;

  public ManualNotices(TaskService taskService, IdentityService identityService) {
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** Created by the system: the user whose step led here need not hold the right to create tasks. */
  public String complainantCall(String tenantId, String businessKey, String contact, String message) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      Task task = taskService.newTask();
      task.setName(TASK_NAME + "（" + businessKey + "）");
      task.setDescription("请电话或短信告知投诉人、检举人（" + contact + "），告知后完成本任务。告知内容：" + message);
      task.setTenantId(tenantId);
      taskService.saveTask(task);
      taskService.addCandidateGroup(task.getId(), tenantId + "-intake-clerk");
      return task.getId();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
