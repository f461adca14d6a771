package cn.faultaccountability.reliability;

import cn.faultaccountability.platform.OptimisticLockingConflicts;
import cn.faultaccountability.reliability.NodeClient.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives N cases concurrently through two nodes as staff do, and checks afterwards, in the database, that nothing
 * was lost, duplicated or fired twice (docs/reliability.md). Shared by the integration test (TwoNodeReliabilityIT)
 * and the scripts (scripts/reliability/*.sh through {@link ReliabilityScript}).
 *
 * <p>Each case, on alternating nodes: intake through {@code POST /api/cases} as the intake clerk of one of the four
 * jurisdictions in turn; the investigator completes 核查 (PreliminaryCheck) over engine REST — every
 * {@code raceEvery}-th case by two requests at the same instant, one to each node; the administrator makes the
 * stage's two deadline timers (YELLOW reminder, RED escalation) due now, so both nodes' job executors compete for
 * them while further cases are still coming in. When every timer has fired, the head approves filing on alternating
 * nodes, and for every {@code raceEvery}-th case the unit liaison requests a recusal twice at the same instant
 * through {@code /api}, once on each node.
 *
 * <p>Requests answered 503 (database unavailable) or not at all are repeated as a client would (on the other node);
 * a repeated intake first looks whether the earlier attempt was committed after all, so a lost answer cannot make a
 * duplicate case.
 */
final class TwoNodeDriver {

  static final List<String> TENANTS = List.of("jilin", "mingshan", "changzhou", "jinan");
  static final List<String> TIMERS = List.of("PreliminaryCheckDeadlineWarning", "PreliminaryCheckDeadlineOverdue");
  private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final Pattern CONFLICTS = Pattern.compile(
      "^" + OptimisticLockingConflicts.METRIC + "_total\\{[^}]*kind=\"([a-z_]+)\"[^}]*}\\s+([0-9.eE+]+)", Pattern.MULTILINE);
  private static final ObjectMapper JSON = new ObjectMapper();

  record Settings(int cases, int concurrency, int raceEvery, Duration timerWait, String retryCycle) {}

  record Case(int index, String tenant, String marker, String businessKey, String processInstanceId) {}

  private final List<NodeClient> nodes;
  private final Database database;
  private final Settings settings;
  private final Disruption disruption;
  private final ReliabilityReport report;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String unit;
  private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> timerJobs = ConcurrentHashMap.newKeySet();
  private final AtomicInteger repeated = new AtomicInteger();
  private final AtomicInteger committedDespiteError = new AtomicInteger();
  private final AtomicInteger concurrentUpdateAnswers = new AtomicInteger();
  /** Timers from which both nodes' executors must have run some: five acquisitions' worth. */
  private static final int BOTH_NODES_FROM = 100;
  private final Map<String, AtomicInteger> raceOutcomes = new ConcurrentHashMap<>();
  private final Map<String, Integer> recusalsAccepted = new ConcurrentHashMap<>();

  TwoNodeDriver(List<NodeClient> nodes, Database database, Settings settings, Disruption disruption,
      ReliabilityReport report) {
    this.nodes = nodes;
    this.database = database;
    this.settings = settings;
    this.disruption = disruption;
    this.report = report;
    this.unit = "可靠性测试" + run + "区市场监督管理局";
  }

  String unit() {
    return unit;
  }

  /** Drives every case, waits for every timer, checks the result; the report holds the figures and checks. */
  ReliabilityReport run() throws Exception {
    report.figure("案件数 N / cases", settings.cases());
    report.figure("节点 / nodes", nodes.stream().map(NodeClient::name).toList());
    report.figure("并发客户端 / concurrent clients", settings.concurrency());
    report.figure("作业重试周期 / failedJobRetryTimeCycle", settings.retryCycle());
    report.figure("干扰 / disruption", disruption.describe());
    report.figure("运行标记 / run marker (unit name)", unit);
    Map<String, Map<String, Double>> conflictsBefore = conflicts();

    disruption.start(report);
    Instant start = Instant.now();
    List<Case> cases = inParallel("drive", settings.cases(), this::drive);
    Instant driven = Instant.now();
    report.figure("受理、核查、设置计时器到期用时 / intake + check + timers made due (s)", seconds(start, driven));
    report.figure("受理吞吐 / cases driven per second", String.format("%.1f",
        settings.cases() / Math.max(0.001, Duration.between(start, driven).toMillis() / 1000.0)));

    awaitTimers(driven);
    disruption.stop();
    awaitHealthy();
    Instant approving = Instant.now();
    inParallel("approve", cases.size(), i -> {
      approve(cases.get(i));
      return i;
    });
    inParallel("recusal", cases.size(), i -> {
      recusalRace(cases.get(i));
      return i;
    });
    report.figure("立案审批与回避申请用时 / approvals + recusal races (s)", seconds(approving, Instant.now()));
    report.figure("总用时 / total (s)", seconds(start, Instant.now()));

    verify(cases, conflictsBefore);
    return report;
  }

  // ---------------------------------------------------------------- driving

  private Case drive(int i) {
    String tenant = TENANTS.get(i % TENANTS.size());
    NodeClient node = nodes.get(i % 2);
    String marker = "可靠性测试 " + run + " 第 " + i + " 件：罚款决定被行政复议机关撤销";
    Case c = intake(i, tenant, marker, node);
    completePreliminaryCheck(c);
    makeTimersDue(c, nodes.get((i + 1) % 2));
    return c;
  }

  private Case intake(int i, String tenant, String marker, NodeClient node) {
    Map<String, Object> lead = new LinkedHashMap<>();
    LocalDate today = LocalDate.now();
    lead.put("tenant", tenant);
    lead.put("source", "COMPLAINT");
    lead.put("actDescription", marker);
    lead.put("unitName", unit);
    lead.put("faultEndedOn", today.minusDays(40).toString());
    lead.put("discoveredOn", today.minusDays(1).toString());
    lead.put("complainantContact", "13800000000");
    lead.put("parties", List.of(Map.of("type", "UNIT", "name", unit),
        Map.of("type", "PERSON", "name", "张三", "role", "HANDLER", "unitName", unit),
        Map.of("type", "PERSON", "name", "李四", "role", "REVIEWER", "unitName", unit)));
    String body = json(lead);
    int attempt = 0;
    while (true) {
      NodeClient target = nodes.get((nodes.indexOf(node) + attempt) % 2);
      if (attempt > 0) {
        // the earlier attempt may have committed although its answer was lost
        List<List<Object>> rows = database.rows(
            "select business_key, process_instance_id from fa_case where act_description = ?", marker);
        if (!rows.isEmpty()) {
          committedDespiteError.incrementAndGet();
          return new Case(i, tenant, marker, (String) rows.get(0).get(0), (String) rows.get(0).get(1));
        }
      }
      Answer a = record("intake", target.post("/api/cases", tenant + "-intake-clerk", body));
      if (a.status() == 201) {
        JsonNode result = parse(a.body());
        return new Case(i, tenant, marker, result.path("businessKey").asText(),
            result.path("processInstanceId").asText());
      }
      attempt = retryOrFail("intake " + marker, a, attempt);
    }
  }

  private void completePreliminaryCheck(Case c) {
    String user = c.tenant() + "-investigator";
    String variables = "{\"variables\": {\"checkOutcome\": {\"value\": \"FILE\"}}}";
    if (c.index() % settings.raceEvery() != 0) {
      completeTask("check", nodes.get((c.index() + 1) % 2), user, c, "PreliminaryCheck", variables);
      return;
    }
    // the same task completed through both nodes at the same instant: exactly one may succeed
    String taskId = taskId("check", nodes.get(0), user, c, "PreliminaryCheck");
    List<Answer> pair = race(node -> node.post("/engine-rest/task/" + taskId + "/complete", user, variables));
    if (!outcome("check", c, pair, false)) {
      // neither succeeded because the database was cut: the client completes it again (if it is not done already)
      completeTask("check", nodes.get(c.index() % 2), user, c, "PreliminaryCheck", variables, true);
    }
  }

  private void makeTimersDue(Case c, NodeClient node) {
    String due = ZonedDateTime.now().minusMinutes(1).format(ENGINE_DATE);
    JsonNode jobs = getJson("timers", node, "/engine-rest/job?timers=true&processInstanceId=" + c.processInstanceId(),
        "demo");
    if (jobs.size() != TIMERS.size()) {
      unexpected.add(c.businessKey() + " has " + jobs.size() + " pending timers after 核查, not " + TIMERS.size());
    }
    for (JsonNode job : jobs) {
      String id = job.path("id").asText();
      timerJobs.add(id);
      // a repeated request may find the job gone: the earlier attempt set the date and the job ran already
      call("timers", node, n -> n.put("/engine-rest/job/" + id + "/duedate", "demo",
          "{\"duedate\": \"" + due + "\", \"cascade\": false}"), a -> a.status() == 204 || a.status() == 404
          && database.count("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ in (1, 2)", id) > 0);
    }
  }

  private void approve(Case c) {
    completeTask("approve", nodes.get(c.index() % 2), c.tenant() + "-supervision-head", c, "ApproveFiling",
        "{\"variables\": {\"filingDecision\": {\"value\": \"APPROVE\"}}}");
  }

  private void recusalRace(Case c) {
    if (c.index() % settings.raceEvery() != 0) {
      return;
    }
    String body = "{\"investigator\": \"赵六\", \"grounds\": \"赵六与被调查单位负责人系近亲属（可靠性测试 " + run + "）\"}";
    List<Answer> pair = race(node -> node.post("/api/cases/" + c.businessKey() + "/recusal-requests",
        c.tenant() + "-unit-liaison", body));
    outcome("recusal", c, pair, true);
  }

  /** Sends the same request to both nodes at the same instant. */
  private List<Answer> race(Function<NodeClient, Answer> request) {
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pair = Executors.newFixedThreadPool(2);
    try {
      List<Future<Answer>> sent = new ArrayList<>();
      for (NodeClient node : nodes) {
        sent.add(pair.submit(() -> {
          together.await(30, TimeUnit.SECONDS);
          return request.apply(node);
        }));
      }
      List<Answer> result = new ArrayList<>();
      for (Future<Answer> f : sent) {
        result.add(f.get(120, TimeUnit.SECONDS));
      }
      return result;
    } catch (Exception e) {
      throw new IllegalStateException("race failed", e);
    } finally {
      pair.shutdownNow();
    }
  }

  /**
   * Tallies a race: a task completed twice has exactly one success and a 409 (conflict) or 404 (already done) for
   * the other; recusal requests may both succeed (two requests) or one gets 409.
   */
  private boolean outcome(String phase, Case c, List<Answer> pair, boolean bothMaySucceed) {
    List<Integer> statuses = new ArrayList<>();
    for (Answer a : pair) {
      record(phase + "-race", a);
      statuses.add(a.status());
    }
    Collections.sort(statuses);
    raceOutcomes.computeIfAbsent(phase + " " + statuses, k -> new AtomicInteger()).incrementAndGet();
    long successes = pair.stream().filter(Answer::ok).count();
    // 503 or no answer: the database was cut (record() checks that it was); the request did not decide the race
    boolean cut = pair.stream().anyMatch(a -> a.status() == 503 || a.status() == -1);
    boolean resolved = pair.stream().allMatch(a -> a.ok() || a.status() == 409 || a.status() == 503
        || a.status() == -1 || a.status() == 404 && !bothMaySucceed);
    if (!resolved || successes == 0 && !cut || successes == 2 && !bothMaySucceed) {
      unexpected.add(phase + " race on " + c.businessKey() + " answered " + statuses + ": " + pair);
    }
    if (bothMaySucceed) {
      recusalsAccepted.put(c.processInstanceId(), (int) successes);
    }
    return successes > 0;
  }

  private void completeTask(String phase, NodeClient node, String user, Case c, String taskKey, String variables) {
    completeTask(phase, node, user, c, taskKey, variables, false);
  }

  /** @param mayBeDone an earlier request whose answer was lost may have completed the task already */
  private void completeTask(String phase, NodeClient node, String user, Case c, String taskKey, String variables,
      boolean mayBeDone) {
    int attempt = 0;
    while (true) {
      NodeClient target = nodes.get((nodes.indexOf(node) + attempt) % 2);
      JsonNode tasks = getJson(phase, target, "/engine-rest/task?processInstanceId=" + c.processInstanceId()
          + "&taskDefinitionKey=" + taskKey, user);
      if (tasks.isEmpty()) {
        if (attempt > 0 || mayBeDone) {
          // the earlier attempt was committed although its answer was lost
          committedDespiteError.incrementAndGet();
          return;
        }
        unexpected.add("no open " + taskKey + " of " + c.businessKey() + " for " + user);
        return;
      }
      Answer a = record(phase, target.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
          user, variables));
      if (a.status() == 204) {
        return;
      }
      attempt = retryOrFail(phase + " " + taskKey + " of " + c.businessKey(), a, attempt);
    }
  }

  private String taskId(String phase, NodeClient node, String user, Case c, String taskKey) {
    JsonNode tasks = getJson(phase, node, "/engine-rest/task?processInstanceId=" + c.processInstanceId()
        + "&taskDefinitionKey=" + taskKey, user);
    if (tasks.size() != 1) {
      throw new IllegalStateException(c.businessKey() + ": " + tasks.size() + " open " + taskKey + " tasks");
    }
    return tasks.get(0).path("id").asText();
  }

  private JsonNode getJson(String phase, NodeClient node, String path, String user) {
    Answer a = call(phase, node, n -> n.get(path, user), x -> x.status() == 200);
    return parse(a.body());
  }

  /** Sends a request until {@code done}, repeating it (on the other node) after 503, 409 or no answer. */
  private Answer call(String phase, NodeClient node, Function<NodeClient, Answer> request,
      java.util.function.Predicate<Answer> done) {
    int attempt = 0;
    while (true) {
      Answer a = record(phase, request.apply(nodes.get((nodes.indexOf(node) + attempt) % 2)));
      if (done.test(a)) {
        return a;
      }
      attempt = retryOrFail(phase, a, attempt);
    }
  }

  /** A transient answer is repeated after a pause (at most 120 times); anything else ends the run. */
  private int retryOrFail(String what, Answer a, int attempt) {
    boolean transientAnswer = a.status() == 503 || a.status() == -1 || a.status() == 409;
    if (!transientAnswer || attempt >= 120) {
      throw new IllegalStateException(what + ": " + a.node() + " answered " + a.status() + " " + abbreviate(a.body()));
    }
    repeated.incrementAndGet();
    sleep(a.status() == 409 ? 200 : 1000);
    return attempt + 1;
  }

  /** Counts the answer; a 5xx other than a 503 explained by the disruption, or a 503 not in Chinese, is a finding. */
  private Answer record(String phase, Answer a) {
    answers.computeIfAbsent(phase + " " + a.status(), k -> new AtomicInteger()).incrementAndGet();
    if (a.status() == 409 && a.body().contains("同时修改")) {
      concurrentUpdateAnswers.incrementAndGet();
    }
    if (a.status() == 503) {
      if (!disruption.explains(Instant.now())) {
        unexpected.add(phase + ": 503 with no disruption: " + abbreviate(a.body()));
      } else if (!a.body().contains("数据库暂时不可用") || a.body().contains("\tat ")) {
        unexpected.add(phase + ": 503 without the Chinese message: " + abbreviate(a.body()));
      }
    } else if (a.status() >= 500 || a.status() == -1 && !disruption.explains(Instant.now())) {
      unexpected.add(phase + ": " + a.node() + " answered " + a.status() + " " + abbreviate(a.body()));
    }
    return a;
  }

  // ---------------------------------------------------------------- waiting

  private void awaitTimers(Instant since) {
    Instant deadline = Instant.now().plus(settings.timerWait());
    long left;
    while ((left = database.count("select count(*) from act_ru_job where id_ = any(?)", timerJobs)) > 0
        && Instant.now().isBefore(deadline)) {
      sleep(1000);
    }
    report.figure("全部计时器触发完毕用时 / all timers fired, after the drive (s)", seconds(since, Instant.now()));
    report.check("计时器全部触发 / every due timer fired within " + settings.timerWait().toSeconds() + " s",
        0L, left);
  }

  private void awaitHealthy() {
    for (NodeClient node : nodes) {
      Instant deadline = Instant.now().plusSeconds(120);
      Answer health;
      while ((health = node.management("/actuator/health")).status() != 200 && Instant.now().isBefore(deadline)) {
        sleep(1000);
      }
      report.check(node.name() + " 健康 UP / health UP", 200, health.status());
    }
  }

  // ---------------------------------------------------------------- checking

  private void verify(List<Case> cases, Map<String, Map<String, Double>> conflictsBefore) {
    int n = settings.cases();
    List<String> keys = cases.stream().map(Case::businessKey).toList();
    List<String> instances = cases.stream().map(Case::processInstanceId).toList();

    // no case lost or duplicated
    report.check("受理答复的案件编号互不相同 / business keys answered, distinct", n, new HashSet<>(keys).size());
    List<Object> caseCounts = database.rows("select count(*), count(distinct business_key), count(distinct "
        + "act_description), count(distinct process_instance_id) from fa_case where unit_name = ?", unit).get(0);
    report.check("fa_case 行 / case rows", n, caseCounts.get(0));
    report.check("fa_case 不同编号 / distinct business keys", n, caseCounts.get(1));
    report.check("每条线索一件案件 / one case per lead", n, caseCounts.get(2));
    report.check("fa_case 不同流程实例 / distinct process instances", n, caseCounts.get(3));
    Set<String> stored = new HashSet<>();
    database.rows("select business_key from fa_case where unit_name = ?", unit)
        .forEach(r -> stored.add((String) r.get(0)));
    report.check("库中编号即答复的编号 / stored keys = answered keys", true, stored.equals(new HashSet<>(keys)));
    List<Object> procCounts = database.rows("select count(*), count(distinct business_key_) from act_hi_procinst "
        + "where business_key_ = any(?)", keys).get(0);
    report.check("流程实例 / process instances", n, procCounts.get(0));
    report.check("流程实例的不同编号 / their distinct business keys", n, procCounts.get(1));
    report.check("仍在办理的流程实例 / instances still running", (long) n, database.count(
        "select count(*) from act_ru_execution where parent_id_ is null and proc_inst_id_ = any(?)", instances));

    // every timer fired exactly once
    report.check("每案两个计时器 / timers made due (2 per case)", 2 * n, timerJobs.size());
    report.check("计时器作业仅创建一次 / timer jobs created once per case and kind", (long) 2 * n, database.count(
        "select count(*) from act_hi_job_log where job_state_ = 0 and act_id_ = any(?) and process_instance_id_ = any(?)",
        TIMERS, instances));
    report.check("成功执行的计时器 / timers that succeeded", (long) 2 * n, database.count(
        "select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 and job_id_ = any(?)", timerJobs));
    report.check("成功不止一次的计时器 / timers that succeeded more than once", 0L, database.count(
        "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and job_id_ = any(?) "
            + "group by job_id_ having count(*) > 1) twice", timerJobs));
    report.check("被删除的计时器 / timers deleted unfired", 0L, database.count(
        "select count(*) from act_hi_job_log where job_state_ = 3 and job_id_ = any(?)", timerJobs));
    report.check("剩余作业 / timer jobs left", 0L, database.count(
        "select count(*) from act_ru_job where id_ = any(?)", timerJobs));
    report.check("事故 / incidents", 0L, database.count(
        "select count(*) from act_ru_incident where proc_inst_id_ = any(?)", instances));
    Map<String, Long> byNode = new TreeMap<>();
    database.rows("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 and job_id_ = any(?) "
        + "group by hostname_", timerJobs).forEach(r -> byNode.put(String.valueOf(r.get(0)), ((Number) r.get(1)).longValue()));
    report.figure("各节点执行的计时器 / timers run by node", byNode);
    // a small batch may all be taken by whichever node acquires first (20 jobs per acquisition): checked on large ones
    if (timerJobs.size() >= BOTH_NODES_FROM) {
      report.check("两个节点的作业执行器都执行了计时器 / both job executors ran timers", "both nodes", byNode.keySet(),
          byNode.keySet().containsAll(TwoNodeCluster.NAMES));
    }
    retriedJobs();

    // each timer's side effect exactly once
    for (String event : List.of("DEADLINE_YELLOW", "DEADLINE_REMINDED", "DEADLINE_RED")) {
      List<Object> e = database.rows("select count(*), count(distinct e.case_id) from fa_case_event e join fa_case c "
          + "on c.id = e.case_id where c.unit_name = ? and e.event_type = ?", unit, event).get(0);
      report.check(event + " 记录，每案一条 / rows, one per case", n + "/" + n, e.get(0) + "/" + e.get(1));
    }
    taskCount("SupervisePreliminaryCheckDeadline 督办任务 / escalation tasks", "act_ru_task", "SupervisePreliminaryCheckDeadline", instances);
    taskCount("核查任务 / PreliminaryCheck tasks", "act_hi_taskinst", "PreliminaryCheck", instances);
    taskCount("立案审批任务 / ApproveFiling tasks", "act_hi_taskinst", "ApproveFiling", instances);
    taskCount("调查取证任务 / Investigate tasks (all cases filed)", "act_ru_task", "Investigate", instances);

    // races: resolved, and what they did is what the answers said
    report.figure("并发冲突的答复 / race outcomes [statuses]: count", new TreeMap<>(toCounts(raceOutcomes)));
    long accepted = recusalsAccepted.values().stream().mapToLong(Integer::longValue).sum();
    report.check("回避审查任务数 = 受理的回避申请数 / DecideRecusal tasks = accepted requests", accepted, database.count(
        "select count(*) from act_ru_task where task_def_key_ = 'DecideRecusal' and proc_inst_id_ = any(?)", instances));
    report.check("回避申请记录 = 受理数 / RECUSAL_REQUESTED rows = accepted requests", accepted, database.count(
        "select count(*) from fa_case_event e join fa_case c on c.id = e.case_id where c.unit_name = ? "
            + "and e.event_type = 'RECUSAL_REQUESTED'", unit));

    // optimistic-locking conflicts: exposed, and every conflict a request met is one counted and answered 409
    Map<String, Map<String, Double>> conflictsAfter = conflicts();
    Map<String, Double> delta = new TreeMap<>();
    for (NodeClient node : nodes) {
      Map<String, Double> after = conflictsAfter.getOrDefault(node.name(), Map.of());
      report.check(node.name() + " 暴露 " + OptimisticLockingConflicts.METRIC + "_total / exposes the counter",
          "kinds job_acquisition, job, request", after.keySet(),
          after.keySet().containsAll(List.of("job_acquisition", "job", "request")));
      after.forEach((kind, value) -> delta.merge(kind,
          value - conflictsBefore.getOrDefault(node.name(), Map.of()).getOrDefault(kind, 0.0), Double::sum));
    }
    report.figure("乐观锁冲突（两节点合计）/ optimistic-locking conflicts, both nodes", delta);
    report.check("请求冲突均计数且答复 409 / request conflicts counted = 409 answers", (double) concurrentUpdateAnswers.get(),
        delta.getOrDefault("request", 0.0));

    long races = cases.stream().filter(c -> c.index() % settings.raceEvery() == 0).count() * 2;
    if (races >= 10) {
      // two requests at the same instant on the same case: some of them must really have collided
      report.check("并发请求确实发生了冲突 / the races provoked conflicts (" + races + " races)", "≥ 1",
          concurrentUpdateAnswers.get(), concurrentUpdateAnswers.get() > 0);
    }
    report.figure("答复 / answers [phase status]: count", new TreeMap<>(toCounts(answers)));
    report.figure("重发的请求 / requests repeated", repeated.get());
    report.figure("答复丢失但已提交 / committed although the answer was lost", committedDespiteError.get());
    report.check("没有 500 等意外答复 / no 5xx or other unexpected answer", "[]",
        unexpected.size() > 20 ? unexpected.subList(0, 20) + " …" : unexpected, unexpected.isEmpty());
  }

  /** Jobs whose execution was cut: retries set by the cycle, decremented once per further failure, then success. */
  private void retriedJobs() {
    int total = Integer.parseInt(settings.retryCycle().replaceAll("^R(\\d+)/.*$", "$1"));
    List<List<Object>> failed = database.rows("select job_id_, count(*) filter (where job_state_ = 1), "
        + "min(job_retries_) filter (where job_state_ = 2) from act_hi_job_log where job_id_ = any(?) "
        + "group by job_id_ having count(*) filter (where job_state_ = 1) > 0", timerJobs);
    report.figure("执行失败后重试成功的计时器 / timers that failed, then were retried", failed.size());
    report.figure("失败次数 / failed attempts logged", failed.stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum());
    List<String> wrong = new ArrayList<>();
    for (List<Object> r : failed) {
      long failures = ((Number) r.get(1)).longValue();
      Object retriesAtSuccess = r.get(2);
      // the first failure sets the retries to the cycle's count (possibly taking one off at once), each further one
      // takes one off; a job that succeeded had retries left
      long left = retriesAtSuccess == null ? -1 : ((Number) retriesAtSuccess).longValue();
      if (left < 1 || left > total + 1 - failures) {
        wrong.add(r.get(0) + ": " + failures + " failures, retries at success " + retriesAtSuccess);
      }
    }
    report.check("失败的计时器按周期重试并最终成功 / failed timers: 1 ≤ retries left ≤ " + total + " + 1 − failures, then success",
        "[]", wrong, wrong.isEmpty());
  }

  long timerFailures() {
    return timerJobs.isEmpty() ? 0 : database.count(
        "select count(*) from act_hi_job_log where job_state_ = 1 and job_id_ = any(?)", Set.copyOf(timerJobs));
  }

  private void taskCount(String label, String table, String taskKey, List<String> instances) {
    List<Object> r = database.rows("select count(*), count(distinct proc_inst_id_) from " + table
        + " where task_def_key_ = ? and proc_inst_id_ = any(?)", taskKey, instances).get(0);
    report.check(label + "，每案一个 / one per case", instances.size() + "/" + instances.size(), r.get(0) + "/" + r.get(1));
  }

  /** fa_optimistic_locking_conflicts_total by node and kind, from each node's /actuator/prometheus. */
  Map<String, Map<String, Double>> conflicts() {
    Map<String, Map<String, Double>> result = new LinkedHashMap<>();
    for (NodeClient node : nodes) {
      Map<String, Double> byKind = new TreeMap<>();
      Answer a = node.management("/actuator/prometheus");
      Matcher m = CONFLICTS.matcher(a.status() == 200 ? a.body() : "");
      while (m.find()) {
        byKind.put(m.group(1), Double.parseDouble(m.group(2)));
      }
      result.put(node.name(), byKind);
    }
    return result;
  }

  // ---------------------------------------------------------------- helpers

  private <T> List<T> inParallel(String phase, int count, java.util.function.IntFunction<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> work.apply(index)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, Integer> toCounts(Map<String, AtomicInteger> counters) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counters.forEach((k, v) -> counts.put(k, v.get()));
    return counts;
  }

  private static String seconds(Instant from, Instant to) {
    return String.format("%.1f", Duration.between(from, to).toMillis() / 1000.0);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + abbreviate(body), e);
    }
  }

  static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? String.valueOf(text) : text.substring(0, 300) + "…";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
