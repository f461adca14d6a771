package cn.faultaccountability.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/fault-accountability.jar}) in its own JVM, as a user or an operator starts it:
 * {@code java -Xmx512m -jar ...} with the environment and arguments given, on free ports (PORT and MANAGEMENT_PORT).
 * Started when its log says the system is up; stopped gracefully when closed.
 */
public final class RunningApp implements AutoCloseable {

  public static final Path JAR = Path.of("target", "fault-accountability.jar");

  private final String name;
  private final Process process;
  private final int port;
  private final int managementPort;
  private final Path logFile;

  private RunningApp(String name, Process process, int port, int managementPort, Path logFile) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.managementPort = managementPort;
    this.logFile = logFile;
  }

  public static RunningApp start(Map<String, String> env, Path logFile) throws Exception {
    // a loaded 2-core machine can take minutes to start the app
    return start("app", env, List.of(), logFile, Duration.ofSeconds(300));
  }

  /**
   * Starts the jar with {@code env} added to this JVM's environment and {@code args} as application arguments (e.g.
   * {@code --some.property=value}); waits up to {@code startup} for it to be up.
   */
  public static RunningApp start(String name, Map<String, String> env, List<String> args, Path logFile,
      Duration startup) throws Exception {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: package the app first (mvn package, or the verify phase)");
    }
    int port = freePort();
    int managementPort = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", JAR.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
    RunningApp app = new RunningApp(name, builder.start(), port, managementPort, logFile);
    Instant deadline = Instant.now().plus(startup);
    while (!app.log().contains("system is up")) {
      if (!app.process.isAlive() || Instant.now().isAfter(deadline)) {
        app.close();
        throw new AssertionError(name + " did not start within " + startup + ":\n" + app.log());
      }
      Thread.sleep(250);
    }
    return app;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public int managementPort() {
    return managementPort;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String log() throws IOException {
    return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
