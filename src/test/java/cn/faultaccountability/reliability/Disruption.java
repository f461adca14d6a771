package cn.faultaccountability.reliability;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * What happens to the database while the driver drives cases: nothing, its connections are cut (every backend of the
 * application's database terminated, repeatedly — what the application sees of a PostgreSQL restart, without
 * restarting a server others share), or the PostgreSQL server really is restarted. Runs in its own thread between
 * {@link #start} and {@link #stop}.
 */
abstract class Disruption {

  private final AtomicBoolean running = new AtomicBoolean();
  private Thread thread;
  /** When the database was last disrupted: 503s are expected then and for a few seconds after. */
  private volatile Instant lastDisruption = Instant.EPOCH;

  static Disruption none() {
    return new Disruption() {
      @Override
      void run(BooleanSupplier running, ReliabilityReport report) {}

      @Override
      String describe() {
        return "无 / none";
      }
    };
  }

  /**
   * Terminates every backend of {@code database} (through a connection to the maintenance database "postgres") every
   * {@code interval}, at least {@code minimum} times and then until {@code enough} holds (e.g. a job execution was
   * cut), at most {@code maximum} times.
   */
  static Disruption terminateBackends(String adminUrl, String user, String password, String database,
      Duration interval, int minimum, int maximum, BooleanSupplier enough) {
    return new Disruption() {
      private final AtomicInteger rounds = new AtomicInteger();
      private final AtomicInteger terminated = new AtomicInteger();

      @Override
      void run(BooleanSupplier running, ReliabilityReport report) throws Exception {
        while (running.getAsBoolean() && rounds.get() < maximum && (rounds.get() < minimum || !enough.getAsBoolean())) {
          sleep(interval);
          if (!running.getAsBoolean()) {
            break;
          }
          disrupted();
          try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
              PreparedStatement sql = admin.prepareStatement("select count(*) from (select pg_terminate_backend(pid) "
                  + "from pg_stat_activity where datname = ? and pid <> pg_backend_pid()) t")) {
            sql.setString(1, database);
            try (ResultSet rs = sql.executeQuery()) {
              rs.next();
              terminated.addAndGet(rs.getInt(1));
            }
          }
          rounds.incrementAndGet();
          disrupted();
        }
        report.figure("中断次数 / rounds of terminating all backends", rounds.get());
        report.figure("被终止的数据库连接 / backends terminated", terminated.get());
      }

      @Override
      String describe() {
        return "每 " + interval.toMillis() + " ms 终止数据库 " + database + " 的全部连接 / terminate all backends of "
            + database + " every " + interval.toMillis() + " ms";
      }
    };
  }

  /**
   * Restarts the PostgreSQL server once, {@code delay} after the start, with {@code command} (e.g. pg_ctlcluster), and
   * measures how soon each node is healthy again and serves a request that reads the database.
   */
  static Disruption restartServer(List<String> command, Duration delay, List<NodeClient> nodes) {
    return new Disruption() {
      @Override
      void run(BooleanSupplier running, ReliabilityReport report) throws Exception {
        sleep(delay);
        if (!running.getAsBoolean()) {
          return;
        }
        disrupted();
        Instant start = Instant.now();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Instant restarted = Instant.now();
        disrupted();
        report.figure("重启命令 / restart command", String.join(" ", command));
        report.figure("重启命令用时 / restart command took (ms)", Duration.between(start, restarted).toMillis());
        report.check("PostgreSQL 重启成功 / the restart command succeeded", "exit 0",
            finished ? "exit " + process.exitValue() + (output.isEmpty() ? "" : " " + output) : "still running",
            finished && process.exitValue() == 0);
        for (NodeClient node : nodes) {
          Instant deadline = restarted.plusSeconds(120);
          while (Instant.now().isBefore(deadline) && (node.management("/actuator/health").status() != 200
              || node.get("/engine-rest/task?maxResults=1", "demo").status() != 200)) {
            Thread.sleep(200);
          }
          report.figure(node.name() + " 重启后恢复服务用时 / serving again after the restart (ms)",
              Duration.between(restarted, Instant.now()).toMillis());
        }
        disrupted();
      }

      @Override
      String describe() {
        return "开始 " + delay.toSeconds() + " 秒后重启 PostgreSQL / restart PostgreSQL " + delay.toSeconds()
            + " s after the start: " + String.join(" ", command);
      }
    };
  }

  abstract void run(BooleanSupplier running, ReliabilityReport report) throws Exception;

  abstract String describe();

  final void start(ReliabilityReport report) {
    running.set(true);
    thread = new Thread(() -> {
      try {
        run(running::get, report);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        report.check("干扰按计划进行 / the disruption ran", "no error", e.toString(), false);
      }
    }, "disruption");
    thread.setDaemon(true);
    thread.start();
  }

  final void stop() throws InterruptedException {
    running.set(false);
    if (thread != null) {
      thread.join(TimeUnit.MINUTES.toMillis(3));
    }
  }

  /** Whether the thread has ended (it stops by itself once it has done its rounds). */
  final boolean done() {
    return thread == null || !thread.isAlive();
  }

  final void disrupted() {
    lastDisruption = Instant.now();
  }

  /** Whether a failed request at {@code at} may be blamed on the disruption (within 15 s of one). */
  final boolean explains(Instant at) {
    return Duration.between(lastDisruption, at).abs().toSeconds() <= 15 || !done() && lastDisruption != Instant.EPOCH;
  }

  private static void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
