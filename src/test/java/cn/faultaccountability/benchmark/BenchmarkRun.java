package cn.faultaccountability.benchmark;

import cn.faultaccountability.FaultAccountabilityApplication;
import cn.faultaccountability.testsupport.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the sections of one run share: the scale, the report, the benchmark's own PostgreSQL database (created afresh
 * for the run, {@code <IT_DB_NAME>_bench}) and the application started in this JVM on it, as production runs it.
 */
public final class BenchmarkRun implements AutoCloseable {

  private final BenchmarkScale scale;
  private final BenchmarkReport report = new BenchmarkReport();
  private final String databaseName;
  private final String jdbcUrl;
  private final boolean reusingDatabase;
  private final EngineCommandCounter commands = new EngineCommandCounter();
  private ConfigurableApplicationContext application;

  public BenchmarkRun(BenchmarkScale scale) {
    this.scale = scale;
    this.databaseName = PostgresTestDatabase.name() + "_bench";
    // -Dbenchmark.reuseDatabase=true: keep the database an earlier run left (e.g. 100,000 generated cases, about 40
    // minutes to generate) to measure the queries again after a change
    this.reusingDatabase = Boolean.getBoolean("benchmark.reuseDatabase");
    this.jdbcUrl = reusingDatabase ? PostgresTestDatabase.existing(databaseName)
        : PostgresTestDatabase.fresh(databaseName);
  }

  /** Whether this run works on the database an earlier run left instead of a fresh one. */
  public boolean reusingDatabase() {
    return reusingDatabase;
  }

  public BenchmarkScale scale() {
    return scale;
  }

  public BenchmarkReport report() {
    return report;
  }

  public String databaseName() {
    return databaseName;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return PostgresTestDatabase.user();
  }

  public String password() {
    return PostgresTestDatabase.password();
  }

  /** A plain connection to the benchmark database (for generating data and reading statistics). */
  public Connection connection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user(), password());
  }

  /**
   * The application on the benchmark database, started on first use with the shipped settings (authorization and
   * tenant checks on, FULL history, the job executor running); random ports.
   */
  public synchronized ConfigurableApplicationContext application() {
    if (application == null) {
      application = start(Map.of());
    }
    return application;
  }

  /** The top-level commands of the application's engine ({@link EngineCommandCounter}). */
  public EngineCommandCounter commands() {
    return commands;
  }

  public <T> T bean(Class<T> type) {
    return application().getBean(type);
  }

  /** Stops the application started by {@link #application()}, e.g. before a section that needs the database alone. */
  public synchronized void stopApplication() {
    if (application != null) {
      application.close();
      application = null;
    }
  }

  private ConfigurableApplicationContext start(Map<String, Object> extra) {
    Map<String, Object> properties = new LinkedHashMap<>();
    // -Dbenchmark.datasourceOptions="-c jit=off": the driver's startup options instead of the application's own
    // planner settings (platform/PostgresSessionSettings), to measure before/after them
    String options = System.getProperty("benchmark.datasourceOptions", "");
    properties.put("spring.datasource.url", options.isBlank() ? jdbcUrl
        : jdbcUrl + "?options=" + java.net.URLEncoder.encode(options, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20"));
    properties.put("spring.datasource.username", user());
    properties.put("spring.datasource.password", password());
    properties.put("server.port", 0);
    properties.put("management.server.port", 0);
    properties.putAll(extra);
    // as command-line arguments: they take precedence over application.yaml (default properties would not)
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(FaultAccountabilityApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("benchmarkCommandCounter", commands))
        .run(arguments);
  }

  @Override
  public void close() {
    stopApplication();
  }
}
