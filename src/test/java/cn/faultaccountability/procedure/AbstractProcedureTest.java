package cn.faultaccountability.procedure;

import static cn.faultaccountability.testsupport.CaseDriver.json;
import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.testsupport.CaseDriver;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** Steps shared by the procedure scenarios: each done by the role that owns it, as in Tasklist. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
abstract class AbstractProcedureTest {

  @Autowired CaseDriver driver;
  @Value("${camunda.bpm.job-execution.lock-time-in-millis}") long jobLockMillis;

  @AfterEach
  void clock() {
    driver.resetClock();
  }

  /**
   * A job's lock outlives its longest run (issue 8): otherwise another acquisition (another node) would take and run a
   * timer again while its first run is still going. The scenarios fire every timer of the procedure; the lock must
   * exceed the longest of those runs a hundredfold, leaving room for a slow database or a loaded node.
   */
  @AfterEach
  void jobLockOutlivesTheLongestTimerRun() {
    assertThat(Duration.ofMillis(jobLockMillis)).as("job lock time against the longest timer run so far, %s",
        driver.longestJobRun()).isGreaterThan(driver.longestJobRun().multipliedBy(100));
  }

  /** A lead against a unit of its own, so that cases of other tests are not this unit's earlier faults. */
  String intake(String tenant, LocalDate on, String unit, Map<String, Object> extra) {
    driver.today(on);
    return driver.intake(driver.lead(tenant, unit, extra));
  }

  void file(String key) {
    driver.complete(key, "PreliminaryCheck", "investigator", vars("checkOutcome", "FILE"));
    driver.complete(key, "ApproveFiling", "supervision-head", vars("filingDecision", "APPROVE"));
  }

  /** The investigation's findings: two investigators, the category, the decision chain and each party's factors. */
  void investigate(String key, String category, String scenario, Map<String, Object> partyFactors,
      Object... more) {
    String tenant = CaseDriver.tenantOf(key);
    Map<String, Object> findings = vars("investigationOutcome", "DONE",
        "investigators", json(List.of(tenant + "-investigator", tenant + "-investigator-2")),
        "facts", "经调查，罚款决定认定事实不清", "evidence", "案卷、询问笔录", "faultCategory", category,
        "scenario", scenario, "severity", "LIGHT", "partyFactors", json(partyFactors));
    findings.putAll(vars(more));
    driver.complete(key, "Investigate", "investigator", findings);
  }

  void statement(String key) {
    driver.complete(key, "StatementAndDefence", "unit-liaison", vars("statement", "对调查认定的事实无异议"));
  }

  void serve(String key, LocalDate on) {
    driver.today(on);
    driver.complete(key, "ServeDecision", "intake-clerk", vars("serviceDate", on.toString()));
  }

  /** The unit reports every measure of the decision in force as executed. */
  @SuppressWarnings("unchecked")
  void executeAsDecided(String key, String taskKey) {
    List<Map<String, Object>> executed = new ArrayList<>();
    for (Map<String, Object> party : (List<Map<String, Object>>) driver.view(key).get("parties")) {
      for (Map<String, Object> m : (List<Map<String, Object>>) party.get("decidedMeasures")) {
        executed.add(Map.of("party", party.get("name"), "measure", m.get("measure")));
      }
    }
    driver.complete(key, taskKey, "unit-liaison", vars("executedMeasures", json(executed)));
  }

  @SuppressWarnings("unchecked")
  List<String> decided(String key, String party) {
    return ((List<Map<String, Object>>) driver.party(key, party).get("decidedMeasures")).stream()
        .map(m -> (String) m.get("measure")).sorted().toList();
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> proposed(String key, String party) {
    return (List<Map<String, Object>>) driver.party(key, party).get("proposedMeasures");
  }
}
