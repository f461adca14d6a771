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
        // a job whose execution and then whose failure record were both cut stays locked by its node until the lock
        // expires, and is then taken again (production: 10 min, longer than any run); a minute here, within the
        // test's wait for its timers
        args.add("--camunda.bpm.job-execution.lock-time-in-millis=60000");
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
