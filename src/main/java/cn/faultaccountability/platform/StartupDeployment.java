package cn.faultaccountability.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys what the jar carries, changed-only (SPEC §2, §4):
 * <ul>
 *   <li>{@code processes/} and {@code forms/}: one deployment without tenant, shared by all jurisdictions;</li>
 *   <li>{@code decisions/<tenant>/}: one deployment per tenant, with that tenant id.</li>
 * </ul>
 * The engine compares each resource with the latest one of the same deployment name, source and tenant. Because
 * administrators deploy revised tables under other names/sources (REST, Camunda Modeler, the decisions command), an
 * unchanged table in the jar is not redeployed on restart and their revision stays the latest version.
 */
public class StartupDeployment {

  public static final String SOURCE = "fault-accountability-app";
  public static final String PROCESSES_DEPLOYMENT = "fault-accountability-processes";
  private static final Logger LOG = LoggerFactory.getLogger(StartupDeployment.class);

  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  public static String decisionsDeploymentName(Jurisdiction jurisdiction) {
    return "decisions-" + jurisdiction.tenantId();
  }

  public void deploy(ProcessEngine engine) {
    DeploymentBuilder processes = engine.getRepositoryService().createDeployment()
        .name(PROCESSES_DEPLOYMENT).source(SOURCE).enableDuplicateFiltering(true);
    int count = addAll(processes, "processes/", "**/*.bpmn") + addAll(processes, "forms/", "**/*.form");
    report(PROCESSES_DEPLOYMENT, count, count > 0 ? processes.deployWithResult() : null);

    for (Jurisdiction jurisdiction : Jurisdiction.values()) {
      String name = decisionsDeploymentName(jurisdiction);
      DeploymentBuilder decisions = engine.getRepositoryService().createDeployment()
          .name(name).source(SOURCE).tenantId(jurisdiction.tenantId()).enableDuplicateFiltering(true);
      int tables = addAll(decisions, "decisions/" + jurisdiction.tenantId() + "/", "*.dmn");
      report(name, tables, tables > 0 ? decisions.deployWithResult() : null);
    }
  }

  private int addAll(DeploymentBuilder builder, String folder, String pattern) {
    try {
      Resource[] found = resolver.getResources("classpath*:" + folder + pattern);
      Arrays.sort(found, Comparator.comparing(Resource::getFilename));
      for (Resource resource : found) {
        String url = resource.getURL().toString();
        // resource name relative to the product folder, e.g. decisions/jinan/sanctions.dmn
        String name = folder + url.substring(url.lastIndexOf(folder) + folder.length());
        try (InputStream in = resource.getInputStream()) {
          builder.addInputStream(name, in);
        }
      }
      return found.length;
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取部署资源 " + folder + pattern, e);
    }
  }

  private static void report(String name, int resources, DeploymentWithDefinitions result) {
    if (result == null) {
      LOG.info("部署 {}：没有资源", name);
      return;
    }
    int definitions = result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size();
    definitions += result.getDeployedDecisionDefinitions() == null ? 0 : result.getDeployedDecisionDefinitions().size();
    LOG.info("部署 {}：{} 个资源，{} 个定义为新版本（未变化的不重新部署）", name, resources, definitions);
  }
}
