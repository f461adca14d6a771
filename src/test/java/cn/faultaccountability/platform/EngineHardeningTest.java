package cn.faultaccountability.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.faultaccountability.testsupport.EngineRest;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Known weaknesses of Camunda 7.24 CE, closed in our deployment (CE receives no more patches): expressions in task
 * queries, the Admin webapp's initial setup, immediate retries of failed jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hardening-test;DB_CLOSE_DELAY=-1")
class EngineHardeningTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  EngineRest rest;

  @BeforeEach
  void client() {
    rest = new EngineRest(port);
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  @Test
  void anAuthenticatedUserCannotHaveAnExpressionEvaluatedThroughATaskQuery() {
    String user = "jinan-investigator";
    assertThat(rest.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", user).statusCode()).isEqualTo(400);
    for (String body : new String[] {"{\"assigneeExpression\": \"${currentUser()}\"}",
        "{\"orQueries\": [{\"candidateGroupsExpression\": \"${currentUserGroups()}\"}]}",
        "{\"dueAfterExpression\": \"${now()}\"}"}) {
      var response = rest.postJson("/engine-rest/task", user, body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.body()).as(body).contains("xpression");
    }
    // the webapps' own engine API (what Tasklist calls) is guarded the same way
    var webapp = rest.postJson("/camunda/api/engine/engine/default/task", user,
        "{\"orQueries\": [{\"assigneeExpression\": \"${currentUser()}\"}]}");
    assertThat(webapp.statusCode()).isEqualTo(400);
    assertThat(rest.postJson("/engine-rest/task", user, "{\"candidateGroup\": \"jinan-investigator\"}").statusCode())
        .isEqualTo(200);
    // stored filters keep their expressions, so staff may not store queries: only administrators create filters
    var filter = rest.postJson("/engine-rest/filter/create", user, "{\"resourceType\": \"Task\", \"name\": \"x\","
        + " \"query\": {\"assigneeExpression\": \"${currentUser()}\"}}");
    assertThat(filter.statusCode()).isEqualTo(403);
  }

  @Test
  void theAdminWebappsInitialSetupCannotCreateAnAdministratorOnceInstalled() {
    var response = rest.postJson("/camunda/api/admin/setup/default/user/create", null,
        "{\"profile\": {\"id\": \"intruder\", \"firstName\": \"x\", \"lastName\": \"y\"},"
            + " \"credentials\": {\"password\": \"intruder-pass\"}}");
    assertThat(response.statusCode()).isIn(401, 403);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void failedJobsAndTimersAreRetriedFiveTimesFiveMinutesApart() {
    Deployment deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("fixtures/failing-jobs.bpmn").deploy();
    try {
      Date now = new Date();
      ClockUtil.setCurrentTime(now);
      String async = engine.getRuntimeService().startProcessInstanceByKey("failing-jobs", Map.of("timer", false))
          .getId();
      assertRetriedLater(managementService.createJobQuery().processInstanceId(async).singleResult(), now);

      String timer = engine.getRuntimeService().startProcessInstanceByKey("failing-jobs", Map.of("timer", true))
          .getId();
      Job timerJob = managementService.createJobQuery().processInstanceId(timer).timers().singleResult();
      Date fired = new Date(now.getTime() + Duration.ofMinutes(2).toMillis());
      ClockUtil.setCurrentTime(fired);
      assertRetriedLater(timerJob, fired);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  private void assertRetriedLater(Job job, Date failedAt) {
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("noSuchBean");
    Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
    // R5/PT5M: five tries in all, the next five minutes after the failure
    assertThat(after.getRetries()).isEqualTo(4);
    assertThat(after.getDuedate()).isCloseTo(new Date(failedAt.getTime() + Duration.ofMinutes(5).toMillis()), 2000);
  }
}
