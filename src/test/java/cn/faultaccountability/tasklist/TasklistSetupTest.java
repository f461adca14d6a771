package cn.faultaccountability.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.testsupport.CaseDriver;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The start form's shape starts a case; staff read the saved filters, which find tasks by their stage deadline. */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:tasklist-validation;DB_CLOSE_DELAY=-1"})
class TasklistSetupTest {

  @Autowired CaseDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;

  @AfterEach
  void clock() {
    driver.resetClock();
  }

  /** What Tasklist submits from the start form (LeadReceived): persons per role, further units, dates as text. */
  String startFromTheForm(String unit) {
    Map<String, Object> form = new HashMap<>();
    form.put("source", "COMPLAINT");
    form.put("actDescription", "罚款决定被撤销");
    form.put("unitName", unit);
    form.put("otherUnitNames", "某街道办事处");
    form.put("faultEndedOn", "2026-03-02");
    form.put("discoveredOn", "2026-06-10");
    form.put("handlerNames", "张三、赵六");
    form.put("reviewerNames", "李四");
    form.put("approverNames", "");
    return driver.as("jinan-intake-clerk", () -> runtimeService.startProcessInstanceByKey(
        ProcessConstants.PROCESS_FAULT_ACCOUNTABILITY, form).getBusinessKey());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theStartFormNamesPersonsPerRoleAndTheLeadUnit() {
    driver.today(LocalDate.of(2026, 9, 1));
    String key = startFromTheForm("某区市场监督管理局");
    assertThat(key).startsWith("JINAN-2026-");
    List<Map<String, Object>> parties = (List<Map<String, Object>>) driver.view(key).get("parties");
    assertThat(parties).extracting(p -> p.get("name") + "/" + p.get("role") + "/" + p.get("unitName"))
        .containsExactly("某区市场监督管理局/null/null", "某街道办事处/null/null", "张三/HANDLER/某区市场监督管理局",
            "赵六/HANDLER/某区市场监督管理局", "李四/REVIEWER/某区市场监督管理局");
    assertThat(driver.openTasks(key)).containsExactly("PreliminaryCheck");
  }

  @Test
  void staffReadTheSavedFiltersAndTheyFindTasksByTheirDeadline() {
    List<String> names = driver.as("jinan-investigator", () -> filterService.createFilterQuery().list().stream()
        .map(Filter::getName).toList());
    assertThat(names).contains("我的待办", "本组待办", "即将超期", "已超期");
    driver.today(LocalDate.of(2026, 9, 1));
    String key = startFromTheForm("某区城市管理局");
    Task check = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
    Filter warning = filterService.createFilterQuery().filterName("即将超期").singleResult();
    Filter overdue = filterService.createFilterQuery().filterName("已超期").singleResult();
    Filter group = filterService.createFilterQuery().filterName("本组待办").singleResult();

    // PRELIMINARY_CHECK (Jinan local default P15D): due 16 September, warning window from its warnFrom
    assertThat(ids(group.getId())).contains(check.getId());
    assertThat(ids(warning.getId())).doesNotContain(check.getId());
    LocalDate warnFrom = (LocalDate) driver.deadline(key, "PRELIMINARY_CHECK").get("warnFrom");
    driver.today(warnFrom);
    assertThat(ids(warning.getId())).contains(check.getId());
    assertThat(ids(overdue.getId())).doesNotContain(check.getId());
    driver.today(LocalDate.of(2026, 9, 17));
    assertThat(ids(overdue.getId())).contains(check.getId());
    assertThat(ids(warning.getId())).doesNotContain(check.getId());
    // another jurisdiction's staff do not see the task through the same filter
    assertThat(driver.as("changzhou-investigator", () -> filterService.list(overdue.getId()).stream()
        .map(t -> ((Task) t).getId()).toList())).doesNotContain(check.getId());
  }

  private List<String> ids(String filterId) {
    return driver.as("jinan-investigator", () -> filterService.list(filterId).stream().map(t -> ((Task) t).getId())
        .toList());
  }
}
