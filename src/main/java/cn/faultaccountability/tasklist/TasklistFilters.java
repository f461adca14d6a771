package cn.faultaccountability.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Tasklist's saved filters for staff, created (and put back) on every start, in production too: shared filters
 * without owner, readable by the staff groups through their FILTER READ grant ({@code StaffRole}). A task's due date
 * is its stage's statutory due date and its follow-up date the day the warning window opens ({@link TaskPreparation}),
 * so 即将超期 (YELLOW) and 已超期 (RED) are plain date filters; what each user sees is still limited by their task
 * authorizations and tenants.
 */
public class TasklistFilters extends AbstractProcessEnginePlugin {

  public record SavedFilter(String name, int priority, String description, String colour) {}

  public static final List<SavedFilter> FILTERS = List.of(
      new SavedFilter("我的待办", -10, "已认领、由我办理的任务", "#2d6cdf"),
      new SavedFilter("本组待办", -9, "本人所在组（本辖区本角色）可认领的任务", "#3a9d5d"),
      new SavedFilter("即将超期", -8, "已进入期限提醒期（黄色）、尚未超期的任务", "#e0a100"),
      new SavedFilter("已超期", -7, "已超过法定期限（红色）的任务", "#d0312d"));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    for (SavedFilter saved : FILTERS) {
      Filter filter = filters.createFilterQuery().filterName(saved.name()).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(saved.name());
      }
      filter.setOwner(null);
      filter.setQuery((Query) query(engine, saved.name()));
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", saved.description());
      properties.put("priority", saved.priority());
      properties.put("color", saved.colour());
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      properties.put("variables", List.of(Map.of("name", "unitName", "label", "行政执法单位")));
      filter.setProperties(properties);
      filters.saveFilter(filter);
    }
  }

  private static TaskQuery query(ProcessEngine engine, String name) {
    TaskQuery query = engine.getTaskService().createTaskQuery();
    return switch (name) {
      case "我的待办" -> query.taskAssigneeExpression("${currentUser()}").orderByDueDate().asc();
      case "本组待办" -> query.taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().asc();
      case "即将超期" -> query.followUpBeforeExpression("${now()}").dueAfterExpression("${now()}").orderByDueDate()
          .asc();
      case "已超期" -> query.dueBeforeExpression("${now()}").orderByDueDate().asc();
      default -> throw new IllegalArgumentException(name);
    };
  }
}
