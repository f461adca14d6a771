package cn.faultaccountability.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL the integration tests ({@code *IT}) run against: 127.0.0.1:5432 by default, overridable by
 * IT_DB_HOST, IT_DB_PORT, IT_DB_USER, IT_DB_PASSWORD, IT_DB_NAME. The database is dropped and created afresh once
 * per test run, so every run starts from an empty schema as a first installation does.
 */
public final class PostgresTestDatabase {

  private static final String HOST = env("IT_DB_HOST", "127.0.0.1");
  private static final String PORT = env("IT_DB_PORT", "5432");
  private static final String USER = env("IT_DB_USER", "postgres");
  private static final String PASSWORD = env("IT_DB_PASSWORD", "");
  private static final String NAME = env("IT_DB_NAME", "fault_accountability_it");
  private static boolean created;

  private PostgresTestDatabase() {}

  public static synchronized String url() {
    if (!created) {
      recreate(NAME);
      created = true;
    }
    return jdbcUrl(NAME);
  }

  /**
   * A database of its own, dropped and created afresh, for a test that changes what others would see (e.g. deploys a
   * revised table); returns its JDBC URL.
   */
  public static synchronized String fresh(String database) {
    recreate(database);
    return jdbcUrl(database);
  }

  /** A database of its own, kept as it is if it exists (created empty otherwise); returns its JDBC URL. */
  public static synchronized String existing(String database) {
    try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
        PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          recreate(database);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is not reachable at " + jdbcUrl("postgres") + ": " + e.getMessage(),
          e);
    }
    return jdbcUrl(database);
  }

  /**
   * Like {@link #register}, but on a database of its own ({@code <name>_<suffix>}, created afresh once per test run),
   * for tests that count everything in the database.
   */
  public static void registerOwn(DynamicPropertyRegistry registry, String suffix) {
    String database = NAME + "_" + suffix;
    registry.add("spring.datasource.url", () -> OWN.computeIfAbsent(database, PostgresTestDatabase::fresh));
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
    releaseIdleConnections(registry);
  }

  /**
   * Spring keeps every test context, and so its connection pool, until the run ends; with Hikari's default of ten
   * connections held open per pool, a dozen PostgreSQL contexts exhaust the server's 100 ("too many clients"). Pools of
   * contexts no longer in use give their connections back after 10 s.
   */
  private static void releaseIdleConnections(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
    registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
  }

  private static final java.util.Map<String, String> OWN = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Use from a {@code @DynamicPropertySource} method. The job executor is off on the shared database: Spring keeps each
   * test context alive for the whole run, so a context with a running job executor would fire the timers that another
   * test class creates and fires itself (an optimistic-locking conflict in that test). A test that needs the job
   * executor uses {@link #registerOwn}.
   */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresTestDatabase::url);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    releaseIdleConnections(registry);
  }

  public static String name() {
    return NAME;
  }

  public static String host() {
    return HOST;
  }

  public static String port() {
    return PORT;
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  /** Drops a database of its own that a test no longer needs (e.g. the benchmark's pgbench database). */
  public static void drop(String database) {
    try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
        Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + database + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop database " + database + ": " + e.getMessage(), e);
    }
  }

  /** A connection to the server's maintenance database, e.g. to read statistics without adding to a database's own. */
  public static Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
  }

  private static void recreate(String database) {
    try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
        Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + database + " with (force)");
      sql.execute("create database " + database + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for integration tests is not reachable at " + jdbcUrl("postgres")
          + " as " + USER + " (start it, or set IT_DB_HOST/IT_DB_PORT/IT_DB_USER/IT_DB_PASSWORD): " + e.getMessage(), e);
    }
  }

  private static String jdbcUrl(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
