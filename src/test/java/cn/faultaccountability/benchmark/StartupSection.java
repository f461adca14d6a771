package cn.faultaccountability.benchmark;

import cn.faultaccountability.testsupport.EngineRest;
import cn.faultaccountability.testsupport.PostgresTestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 9 (e): start-up time and heap of the packaged jar ({@code target/fault-accountability.jar}, built by
 * {@code package} before the benchmark) in its own JVM with {@code -Xmx512m}, as operations run it.
 * <ul>
 *   <li>start-up: from launching the process until the management port's {@code /actuator/health} is UP and the
 *       application answers an authenticated request — once on an empty database (the first installation: engine
 *       schema, our migrations, deployments, identities) and once on the benchmark's database as the earlier
 *       sections left it (a restart); started as the Docker image starts it, unpacked with the class archive of a
 *       training start ({@code scripts/cds.sh}), against the target — and in the full run also as a plain
 *       {@code java -jar}, for comparison;</li>
 *   <li>heap in use (Prometheus {@code jvm_memory_used_bytes}, area heap) at idle, and live after a full GC
 *       ({@code jcmd GC.run});</li>
 *   <li>under load: {@code threads} clients over HTTP for a while, each taking leads in ({@code POST /api/cases}),
 *       opening the case view and querying its Tasklist page and count over {@code /engine-rest} as the demo users of
 *       the roles; the heap is sampled every 250 ms, and every request must succeed.</li>
 * </ul>
 * Runs last: it stops the application of the earlier sections, so that the jar has the machine to itself.
 */
final class StartupSection implements BenchmarkSection {

  static final String NAME = "startup";
  private static final Path JAR = Path.of("target", "fault-accountability.jar");
  private static final double STARTUP_TARGET_SECONDS = 15;
  private static final double HEAP_TARGET_MIB = 512;
  private static final double MIB = 1024 * 1024;
  private static final List<String> TENANTS = List.of("jinan", "changzhou", "jilin", "mingshan");
  private static final Pattern HEAP = Pattern.compile(
      "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);
  private static final Pattern GC_PAUSE = Pattern.compile(
      "^jvm_gc_pause_seconds_sum\\{[^}]*\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);
  private static final Pattern SPRING_STARTED = Pattern.compile("Started FaultAccountabilityApplication in ([0-9.]+) s");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(BenchmarkRun run) throws Exception {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the benchmark runs after `package`");
    }
    run.stopApplication();
    var report = run.report();
    Path logs = Files.createDirectories(Path.of("target", "benchmark"));

    // as the Docker image starts it: unpacked, with the class archive of a training start (scripts/cds.sh)
    long preparing = System.nanoTime();
    List<String> shared = classDataSharing(logs.resolve("cds.log"));
    report.add(NAME, "class archive prepared", (System.nanoTime() - preparing) / 1e9, "s",
        "scripts/cds.sh: unpack the jar, one training start on a throw-away H2 database (once per build)");
    boolean full = !"smoke".equals(run.scale().name());

    String empty = PostgresTestDatabase.name() + "_startup";
    if (full) { // the plain jar for comparison (the smoke run starts it in JarStartupIT already)
      try (App first = App.start(plainJar(), PostgresTestDatabase.fresh(empty), logs.resolve("startup-plain-empty.log"))) {
        report.add(NAME, "start-up, empty database, java -jar", first.startupSeconds, "s",
            "without class-data sharing" + first.springNote());
      }
      try (App again = App.start(plainJar(), run.jdbcUrl(), logs.resolve("startup-plain-restart.log"))) {
        report.add(NAME, "start-up, restart, java -jar", again.startupSeconds, "s",
            "without class-data sharing" + again.springNote());
      }
    }
    try (App first = App.start(shared, PostgresTestDatabase.fresh(empty), logs.resolve("startup-empty-database.log"))) {
      report.atMost(NAME, "start-up, empty database", first.startupSeconds, "s", STARTUP_TARGET_SECONDS,
          "first installation: schema, migrations, deployments, identities; class-data sharing as the image starts"
              + first.springNote());
    }
    PostgresTestDatabase.drop(empty);

    try (App app = App.start(shared, run.jdbcUrl(), logs.resolve("startup-benchmark-database.log"))) {
      report.atMost(NAME, "start-up, restart", app.startupSeconds, "s", STARTUP_TARGET_SECONDS,
          "on the benchmark's database as the earlier sections left it; class-data sharing" + app.springNote());
      Thread.sleep(5_000);
      double idle = app.heapUsed();
      report.atMost(NAME, "heap in use, idle", idle / MIB, "MiB", HEAP_TARGET_MIB, "-Xmx512m; 5 s after start-up");
      app.fullGc();
      report.add(NAME, "live heap after GC, idle", app.heapUsed() / MIB, "MiB", "after jcmd GC.run");

      int seconds = Math.max(5, 2 * run.scale().pgbenchSeconds());
      Load load = load(app, run.scale().threads(), seconds);
      report.atMost(NAME, "heap in use, under load (max)", load.maxHeap / MIB, "MiB", HEAP_TARGET_MIB,
          String.format(Locale.ROOT, "%d clients, %d s: %d requests (%.1f/s), %d intakes, all answered 2xx",
              run.scale().threads(), seconds, load.requests, load.requests / (double) seconds, load.intakes));
      report.add(NAME, "GC pause share under load", 100 * load.gcPauseSeconds / seconds, "%",
          "jvm_gc_pause_seconds_sum over the load");
      app.fullGc();
      report.add(NAME, "live heap after GC, after load", app.heapUsed() / MIB, "MiB", "after jcmd GC.run");
    }
  }

  private static final Path SHARED = Path.of("target", "benchmark", "app");

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<String> plainJar() {
    return List.of(java(), "-Xmx512m", "-jar", JAR.toString());
  }

  /** Runs scripts/cds.sh on the packaged jar; the command that starts the unpacked jar with its class archive. */
  private static List<String> classDataSharing(Path log) throws Exception {
    Process cds = new ProcessBuilder("bash", "scripts/cds.sh", JAR.toString(), SHARED.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!cds.waitFor(10, TimeUnit.MINUTES) || cds.exitValue() != 0) {
      throw new IllegalStateException("scripts/cds.sh failed (log " + log.toAbsolutePath() + "):\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    return List.of(java(), "-Xmx512m", "-XX:SharedArchiveFile=" + SHARED.resolve("app.jsa"), "-jar",
        SHARED.resolve(JAR.getFileName()).toString());
  }

  private record Load(long requests, long intakes, double maxHeap, double gcPauseSeconds) {}

  private static Load load(App app, int clients, int seconds) throws Exception {
    AtomicLong requests = new AtomicLong();
    AtomicLong intakes = new AtomicLong();
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    double gcBefore = app.gcPauseSeconds();
    ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
    try {
      Future<Double> sampler = pool.submit(() -> {
        double max = 0;
        while (System.nanoTime() < until) {
          max = Math.max(max, app.heapUsed());
          Thread.sleep(250);
        }
        return max;
      });
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        workers.add(pool.submit(() -> {
          EngineRest rest = new EngineRest(app.port);
          ObjectMapper json = new ObjectMapper();
          for (int i = 0; System.nanoTime() < until; i++) {
            String tenant = TENANTS.get((client + i) % TENANTS.size());
            String unit = tenant + "负载测试第" + (client * 1000 + i % 50) + "单位";
            String key = json.readTree(ok(rest.postJson("/api/cases", tenant + "-intake-clerk",
                json.writeValueAsString(WholeCaseDriver.lead(tenant, unit))), "POST /api/cases"))
                .get("businessKey").asText();
            intakes.incrementAndGet();
            ok(rest.get("/api/cases/" + key, tenant + "-investigator"), "case view");
            String group = "candidateGroup=" + tenant + "-investigator";
            ok(rest.get("/engine-rest/task?" + group + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=50",
                tenant + "-investigator"), "task page");
            ok(rest.get("/engine-rest/task/count?" + group, tenant + "-investigator"), "task count");
            requests.addAndGet(4);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      return new Load(requests.get(), intakes.get(), sampler.get(), app.gcPauseSeconds() - gcBefore);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String ok(HttpResponse<String> response, String what) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(what + " answered " + response.statusCode() + " under load: " + response.body());
    }
    return response.body();
  }

  /** The jar in its own JVM on free ports; stopped when closed. */
  private static final class App implements AutoCloseable {
    final Process process;
    final int port;
    final EngineRest management;
    final Path log;
    double startupSeconds;
    double startupCpuSeconds;

    private App(Process process, int port, int managementPort, Path log) {
      this.process = process;
      this.port = port;
      this.management = new EngineRest(managementPort);
      this.log = log;
    }

    static App start(List<String> command, String jdbcUrl, Path log) throws Exception {
      int port = freePort();
      int managementPort = freePort();
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("DB_URL", jdbcUrl);
      builder.environment().put("DB_USER", PostgresTestDatabase.user());
      builder.environment().put("DB_PASSWORD", PostgresTestDatabase.password());
      builder.environment().put("PORT", String.valueOf(port));
      builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
      long launched = System.nanoTime();
      App app = new App(builder.start(), port, managementPort, log);
      try {
        EngineRest rest = new EngineRest(port);
        long deadline = launched + 180_000_000_000L;
        while (!(app.healthUp() && answers(rest))) {
          if (!app.process.isAlive() || System.nanoTime() > deadline) {
            throw new IllegalStateException("the jar did not start (log " + log.toAbsolutePath() + "):\n" + tail(log));
          }
          Thread.sleep(100);
        }
        app.startupSeconds = (System.nanoTime() - launched) / 1e9;
        app.startupCpuSeconds = app.process.info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(-1.0);
        return app;
      } catch (Exception e) {
        app.close();
        throw e;
      }
    }

    private boolean healthUp() {
      try {
        HttpResponse<String> health = management.get("/actuator/health", null);
        return health.statusCode() == 200 && health.body().startsWith("{\"status\":\"UP\"");
      } catch (IllegalStateException notYetListening) {
        return false;
      }
    }

    private static boolean answers(EngineRest rest) {
      try {
        return rest.get("/engine-rest/engine", "demo").statusCode() == 200;
      } catch (IllegalStateException notYetListening) {
        return false;
      }
    }

    /**
     * The process's CPU time until it answered (all threads; unlike the wall time, hardly changed by other load on
     * the machine) and Spring's own figure from the log, for comparison.
     */
    String springNote() throws IOException {
      Matcher started = SPRING_STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
      return String.format(Locale.ROOT, "; %.1f s CPU", startupCpuSeconds)
          + (started.find() ? "; Spring reports " + started.group(1) + " s (JVM start excluded)" : "");
    }

    double heapUsed() {
      String scrape = ok(management.get("/actuator/prometheus", null), "prometheus");
      Matcher m = HEAP.matcher(scrape);
      double sum = 0;
      while (m.find()) {
        sum += Double.parseDouble(m.group(1));
      }
      return sum;
    }

    double gcPauseSeconds() {
      Matcher m = GC_PAUSE.matcher(ok(management.get("/actuator/prometheus", null), "prometheus"));
      double sum = 0;
      while (m.find()) {
        sum += Double.parseDouble(m.group(1));
      }
      return sum;
    }

    void fullGc() throws Exception {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          String.valueOf(process.pid()), "GC.run").redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        throw new IllegalStateException("jcmd GC.run failed: " + out);
      }
      Thread.sleep(1_000);
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }

    private static String tail(Path log) throws IOException {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      return text.substring(Math.max(0, text.length() - 4000));
    }
  }
}
