package cn.faultaccountability.reliability;

import cn.faultaccountability.testsupport.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two instances of the packaged application, separate JVMs on their own ports, against one PostgreSQL database —
 * the topology of docs/reliability.md. The first is started alone (it creates the engine's schema on an empty
 * database), the second once the first is up. Each node's job executor reports itself under the node's name
 * (engine property {@code hostname}), so the job log shows which node ran which job.
 */
final class TwoNodeCluster implements AutoCloseable {

  static final List<String> NAMES = List.of("node-a", "node-b");

  private final List<RunningApp> apps = new ArrayList<>();
  private final List<NodeClient> clients = new ArrayList<>();

  /**
   * @param retryCycle the engine's failedJobRetryTimeCycle for these nodes; null keeps the shipped R5/PT5M
   */
  static TwoNodeCluster start(Database database, Path logDir, String retryCycle) throws Exception {
    Files.createDirectories(logDir);
    TwoNodeCluster cluster = new TwoNodeCluster();
    try {
      for (String name : NAMES) {
        Map<String, String> env = Map.of("DB_URL", database.url(), "DB_USER", database.user(),
            "DB_PASSWORD", database.password(), "DATA_DIR", logDir.resolve(name + "-data").toString());
        List<String> args = new ArrayList<>();
        args.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        // an idle job executor looks for due jobs at least every 5 s instead of backing off to a minute, so that both
        // nodes are awake when the timers come due and really compete (production keeps Camunda's back-off, which
        // only delays a timer by up to a minute)
        args.add("--camunda.bpm.job-execution.max-wait=5000");
        if (retryCycle != null) {
          args.add("--camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=" + retryCycle);
        }
        RunningApp app = RunningApp.start(name, env, args, logDir.resolve(name + ".log"), Duration.ofSeconds(240));
        cluster.apps.add(app);
        cluster.clients.add(new NodeClient(name, app.port(), app.managementPort()));
      }
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  List<NodeClient> clients() {
    return clients;
  }

  List<RunningApp> apps() {
    return apps;
  }

  @Override
  public void close() throws Exception {
    for (RunningApp app : apps) {
      app.close();
    }
  }
}
