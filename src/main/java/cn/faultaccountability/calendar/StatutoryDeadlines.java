package cn.faultaccountability.calendar;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Reads a stage's row of a tenant's latest {@code statutory-deadlines} table (SPEC §4.5).
 *
 * <p>Evaluated without the caller's engine authorizations: evaluating a decision needs CREATE_INSTANCE on it, which
 * only decision administrators hold, yet every member of a jurisdiction may see its deadlines. The caller's tenant
 * membership is checked before (see {@link CalendarController}), so only the tenant's own table is read.
 */
public class StatutoryDeadlines {

  public static final String DECISION_KEY = "statutory-deadlines";

  private final RepositoryService repositoryService;
  private final DecisionService decisionService;
  private final IdentityService identityService;

  public StatutoryDeadlines(RepositoryService repositoryService, DecisionService decisionService,
      IdentityService identityService) {
    this.repositoryService = repositoryService;
    this.decisionService = decisionService;
    this.identityService = identityService;
  }

  /** The rule and the table version it came from. */
  public record StageRule(DeadlineRule rule, String period, String maxExtension, String warnBefore,
      String decisionDefinitionId, int version, String versionTag) {}

  /** No table deployed for the tenant, or no row for the stage. */
  public static class NotFound extends RuntimeException {
    private final String field;

    NotFound(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** The table answered with outputs that do not make a deadline (a broken revision). */
  public static class InvalidTable extends RuntimeException {
    private final String field;

    InvalidTable(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public StageRule rule(String tenantId, String tenantName, DeadlineStage stage) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      DecisionDefinition table = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(DECISION_KEY).tenantIdIn(tenantId).latestVersion().singleResult();
      if (table == null) {
        throw new NotFound("tenant", tenantName + "尚未部署期限表（" + DECISION_KEY + "）");
      }
      DmnDecisionResultEntries row = decisionService.evaluateDecisionById(table.getId())
          .variables(Map.of("stage", stage.name())).evaluate().getSingleResult();
      if (row == null) {
        throw new NotFound("stage", tenantName + "的期限表（第 " + table.getVersion() + " 版）没有阶段 " + stage.name()
            + "（" + stage.chineseName() + "）的规则");
      }
      String period = string(row.getEntryMap(), "period");
      String maxExtension = string(row.getEntryMap(), "maxExtension");
      String warnBefore = string(row.getEntryMap(), "warnBefore");
      DeadlineRule rule;
      try {
        rule = DeadlineRule.of(period, maxExtension, bool(row.getEntryMap(), "countWorkingDays"), warnBefore,
            string(row.getEntryMap(), "basis"));
      } catch (DeadlineInputException e) {
        throw new InvalidTable(e.field(), tenantName + "的期限表（第 " + table.getVersion() + " 版）阶段 " + stage.name()
            + " 的输出 " + e.field() + " 无效：" + e.getMessage());
      }
      return new StageRule(rule, period, maxExtension, warnBefore, table.getId(), table.getVersion(),
          table.getVersionTag());
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private static String string(Map<String, Object> row, String name) {
    Object value = row.get(name);
    return value == null ? null : value.toString();
  }

  private static Boolean bool(Map<String, Object> row, String name) {
    Object value = row.get(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    return switch (value.toString().strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new DeadlineInputException(name, "“" + value + "”不是布尔值 true/false");
    };
  }
}
