package cn.faultaccountability.dashboard;

import cn.faultaccountability.dashboard.DashboardQueries.DeadlineGroup;
import cn.faultaccountability.dashboard.DashboardQueries.TenantCount;
import cn.faultaccountability.deadlines.DeadlineService;
import cn.faultaccountability.platform.Jurisdiction;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Gauges for Prometheus ({@code /actuator/prometheus} on the management port, docs/dashboard.md): open cases by
 * tenant and stage, running deadlines by tenant and colour, open incidents by tenant and type, jobs by state, and
 * the engine's own job and decision counters. Only aggregate counts with tenant, stage, colour or state labels:
 * no business key, unit or person ever becomes a label. The gauges are refreshed in the background (every
 * {@code accountability.metrics.refresh}, default one minute) so a scrape never waits for the database.
 */
@Configuration
@EnableScheduling
public class CaseMetrics {

  /** Engine metrics worth watching: job execution and decision load. */
  static final List<String> ENGINE_METRICS = List.of(Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
      Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_EXECUTION_REJECTED,
      Metrics.EXECUTED_DECISION_ELEMENTS, Metrics.ROOT_PROCESS_INSTANCE_START);
  private static final String NO_TENANT = "none";

  private final DashboardQueries queries;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final MultiGauge openCases;
  private final MultiGauge deadlines;
  private final MultiGauge incidents;
  private final MultiGauge jobs;

  public CaseMetrics(DashboardQueries queries, RuntimeService runtimeService, ManagementService managementService,
      MeterRegistry registry) {
    this.queries = queries;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.openCases = MultiGauge.builder("fa_cases_open").description("在办案件数（按辖区、阶段）").register(registry);
    this.deadlines = MultiGauge.builder("fa_deadlines_running")
        .description("正在计算的法定期限数（按辖区、颜色：RED/YELLOW/GREEN/SUSPENDED）").register(registry);
    this.incidents = MultiGauge.builder("fa_incidents_open").description("未解决的流程引擎事故数（按辖区、类型）")
        .register(registry);
    this.jobs = MultiGauge.builder("fa_jobs").description("流程引擎作业数（按状态）").register(registry);
    for (String metric : ENGINE_METRICS) {
      // the engine's own counters, as it reports them to its database (every 15 minutes by default)
      FunctionCounter.builder("camunda_engine_metric", managementService,
              m -> m.createMetricsQuery().name(metric).sum())
          .tag("name", metric).description("Camunda 引擎指标累计值").register(registry);
    }
  }

  private static List<String> tenants() {
    return Arrays.stream(Jurisdiction.values()).map(Jurisdiction::tenantId).toList();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void refreshOnStart() {
    refresh();
  }

  /** Reads the counts afresh; the scheduler calls it, tests call it before they scrape. */
  @Scheduled(fixedDelayString = "${accountability.metrics.refresh:PT1M}",
      initialDelayString = "${accountability.metrics.refresh:PT1M}")
  public synchronized void refresh() {
    List<String> tenants = tenants();
    List<MultiGauge.Row<?>> cases = new ArrayList<>();
    for (TenantCount c : queries.openCasesByStage(tenants)) {
      cases.add(MultiGauge.Row.of(Tags.of("tenant", c.tenantId(), "stage", c.key()), c.count()));
    }
    openCases.register(cases, true);

    Map<List<String>, Long> colours = new HashMap<>();
    for (String tenant : tenants) {
      DashboardService.COLOURS.forEach(colour -> colours.put(List.of(tenant, colour), 0L));
    }
    for (DeadlineGroup g : queries.openDeadlineGroups(tenants)) {
      colours.merge(List.of(g.tenantId(), DashboardService.colour(g, DeadlineService.today())), g.count(),
          Long::sum);
    }
    List<MultiGauge.Row<?>> deadlineRows = new ArrayList<>();
    colours.forEach((k, n) -> deadlineRows.add(MultiGauge.Row.of(Tags.of("tenant", k.get(0), "colour", k.get(1)),
        n)));
    deadlines.register(deadlineRows, true);

    List<MultiGauge.Row<?>> incidentRows = new ArrayList<>();
    for (String type : List.of("failedJob", "failedExternalTask")) {
      long inTenants = 0;
      for (String tenant : tenants) {
        long n = runtimeService.createIncidentQuery().incidentType(type).tenantIdIn(tenant).count();
        inTenants += n;
        incidentRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant, "type", type), n));
      }
      // e.g. a failed job of a deployment without tenant
      long all = runtimeService.createIncidentQuery().incidentType(type).count();
      incidentRows.add(MultiGauge.Row.of(Tags.of("tenant", NO_TENANT, "type", type), all - inTenants));
    }
    incidents.register(incidentRows, true);

    jobs.register(List.of(
        MultiGauge.Row.of(Tags.of("state", "executable"), managementService.createJobQuery().executable().count()),
        MultiGauge.Row.of(Tags.of("state", "failed"), managementService.createJobQuery().noRetriesLeft().count()),
        MultiGauge.Row.of(Tags.of("state", "with_exception"),
            managementService.createJobQuery().withException().count()),
        MultiGauge.Row.of(Tags.of("state", "timer"), managementService.createJobQuery().timers().count()),
        MultiGauge.Row.of(Tags.of("state", "suspended"), managementService.createJobQuery().suspended().count())),
        true);
  }
}
