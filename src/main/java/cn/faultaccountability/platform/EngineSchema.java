package cn.faultaccountability.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;

/**
 * The engine's own tables (ACT_*), when the engine does not manage them itself (production: schema updates off). A
 * first installation creates them with the SQL scripts the engine jar ships ({@code org/camunda/bpm/engine/db/create});
 * an upgrade of Camunda runs its update scripts ({@code db/upgrade}) from the version the database records in
 * {@code ACT_GE_SCHEMA_LOG} to the engine's version, each script in one transaction. PostgreSQL and H2.
 */
public final class EngineSchema {

  /** The parts of the schema the engine uses (history FULL, its identity service, DMN and CMMN), in creation order. */
  enum Part {
    ENGINE("engine", "ACT_RU_EXECUTION"),
    HISTORY("history", "ACT_HI_PROCINST"),
    IDENTITY("identity", "ACT_ID_USER"),
    CASE_ENGINE("case.engine", "ACT_RE_CASE_DEF"),
    CASE_HISTORY("case.history", "ACT_HI_CASEINST"),
    DECISION_ENGINE("decision.engine", "ACT_RE_DECISION_DEF"),
    DECISION_HISTORY("decision.history", "ACT_HI_DECINST");

    final String script;
    final String table;

    Part(String script, String table) {
      this.script = script;
      this.table = table;
    }
  }

  /** What the database holds against what this engine needs. */
  public record Status(String databaseType, List<String> missingTables, String schemaVersion, String engineVersion) {

    public boolean missing() {
      return !missingTables.isEmpty();
    }

    /** The schema is of an earlier minor version than the engine: {@code schema upgrade}. */
    public boolean outdated() {
      return !missing() && schemaVersion != null && Version.of(schemaVersion).minorBelow(Version.of(engineVersion));
    }

    /** The schema was upgraded for a later engine than this application's. */
    public boolean newer() {
      return !missing() && schemaVersion != null && Version.of(engineVersion).minorBelow(Version.of(schemaVersion));
    }

    public boolean current() {
      return !missing() && !outdated() && !newer();
    }

    public String describe() {
      if (missing()) {
        return "缺少引擎数据库表 / engine tables missing: " + String.join(", ", missingTables);
      }
      String versions = "数据库中的引擎表版本 / schema version " + schemaVersion + "，本程序的引擎版本 / engine version "
          + engineVersion;
      if (outdated()) {
        return "引擎数据库表需要升级 / engine tables need an upgrade: " + versions;
      }
      if (newer()) {
        return "数据库中的引擎表比本程序新 / engine tables are newer than this application: " + versions;
      }
      return "引擎数据库表已就绪 / engine tables are current: " + versions;
    }
  }

  private EngineSchema() {
  }

  /** The engine version of this application, e.g. 7.24.0. */
  public static String engineVersion() {
    return ProductPropertiesUtil.getProductVersion();
  }

  /** postgres or h2, as the engine's script names call them. */
  static String databaseType(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return "postgres";
    }
    if (product.contains("h2")) {
      return "h2";
    }
    throw new IllegalStateException("不支持的数据库 / unsupported database: " + product
        + "（本系统支持 PostgreSQL 和 H2 / PostgreSQL and H2 are supported）");
  }

  public static Status status(Connection connection) throws SQLException {
    String type = databaseType(connection);
    List<String> missing = new ArrayList<>();
    for (Part part : Part.values()) {
      if (!tableExists(connection, part.table)) {
        missing.add(part.table);
      }
    }
    String version = missing.contains(Part.ENGINE.table) ? null : schemaVersion(connection);
    return new Status(type, missing, version, engineVersion());
  }

  /**
   * Creates the parts of the schema that are missing (all of them in an empty database) with the engine's own create
   * scripts; returns the scripts run. Existing tables are left alone.
   */
  public static List<String> create(Connection connection) throws SQLException {
    String type = databaseType(connection);
    List<String> run = new ArrayList<>();
    for (Part part : Part.values()) {
      if (!tableExists(connection, part.table)) {
        String script = "org/camunda/bpm/engine/db/create/activiti." + type + ".create." + part.script + ".sql";
        execute(connection, script);
        run.add(script);
      }
    }
    return run;
  }

  /**
   * Runs the engine's update scripts from the schema's recorded version up to the engine's: for each minor version on
   * the way, its patch scripts not yet applied, then the script to the next minor version. Returns the scripts run.
   */
  public static List<String> upgrade(Connection connection) throws SQLException {
    Status status = status(connection);
    if (status.missing()) {
      throw new IllegalStateException(status.describe() + "。请先运行 / run first: schema create");
    }
    if (status.newer()) {
      throw new IllegalStateException(status.describe());
    }
    List<String> scripts = upgradeScripts(status.databaseType(), Version.of(status.schemaVersion()),
        Version.of(status.engineVersion()));
    for (String script : scripts) {
      execute(connection, script);
    }
    return scripts;
  }

  /** The update scripts, in order, from {@code from} to {@code to} (both as major.minor.patch). */
  static List<String> upgradeScripts(String type, Version from, Version to) {
    if (from.major != to.major) {
      throw new IllegalStateException("不能跨主版本升级 / cannot upgrade across major versions: " + from + " → " + to);
    }
    List<String> available = upgradeResources(type);
    List<String> scripts = new ArrayList<>();
    for (int minor = from.minor; minor <= to.minor; minor++) {
      String line = from.major + "." + minor;
      int fromPatch = minor == from.minor ? from.patch : 0;
      int toPatch = minor == to.minor ? to.patch : Integer.MAX_VALUE;
      Pattern patch = Pattern.compile(Pattern.quote(type + "_engine_" + line + "_patch_") + "(\\d+)\\.(\\d+)\\.(\\d+)"
          + "_to_(\\d+)\\.(\\d+)\\.(\\d+)(?:_(\\d+))?\\.sql");
      available.stream().map(patch::matcher).filter(Matcher::matches)
          .filter(m -> Integer.parseInt(m.group(3)) >= fromPatch && Integer.parseInt(m.group(6)) <= toPatch)
          .sorted(Comparator.<Matcher>comparingInt(m -> Integer.parseInt(m.group(3)))
              .thenComparingInt(m -> Integer.parseInt(m.group(6)))
              .thenComparingInt(m -> m.group(7) == null ? 0 : Integer.parseInt(m.group(7))))
          .forEach(m -> scripts.add(UPGRADE + m.group()));
      if (minor < to.minor) {
        String next = type + "_engine_" + line + "_to_" + from.major + "." + (minor + 1) + ".sql";
        if (!available.contains(next)) {
          throw new IllegalStateException("引擎 jar 中没有升级脚本 / no update script in the engine jar: " + next);
        }
        scripts.add(UPGRADE + next);
      }
    }
    return scripts;
  }

  private static final String UPGRADE = "org/camunda/bpm/engine/db/upgrade/";

  /** The names of the update scripts the engine jar ships for the database type. */
  private static List<String> upgradeResources(String type) {
    try {
      var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver(
          EngineSchema.class.getClassLoader());
      return Arrays.stream(resolver.getResources("classpath*:" + UPGRADE + type + "_engine_*.sql"))
          .map(org.springframework.core.io.Resource::getFilename).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The latest version recorded in ACT_GE_SCHEMA_LOG (each create and update script adds its version). */
  static String schemaVersion(Connection connection) throws SQLException {
    if (!tableExists(connection, "ACT_GE_SCHEMA_LOG")) {
      return null;
    }
    List<Version> versions = new ArrayList<>();
    try (Statement sql = connection.createStatement();
        ResultSet rs = sql.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
      while (rs.next()) {
        Version.parse(rs.getString(1)).ifPresent(versions::add);
      }
    }
    return versions.stream().max(Comparator.naturalOrder()).map(Version::toString).orElse(null);
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    // PostgreSQL keeps unquoted names in lower case, H2 in upper case
    String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
    try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), name,
        new String[] {"TABLE"})) {
      return rs.next();
    }
  }

  /** One script, in one transaction. */
  private static void execute(Connection connection, String script) throws SQLException {
    List<String> statements = statements(script);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement sql = connection.createStatement()) {
      for (String statement : statements) {
        sql.execute(statement);
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw new SQLException("脚本 / script " + script + ": " + e.getMessage(), e.getSQLState(), e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The script's statements: separated by ';' at a line end, '--' comment lines left out. */
  static List<String> statements(String resource) {
    try (InputStream in = EngineSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("引擎 jar 中没有脚本 / no such script in the engine jar: " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      StringBuilder withoutComments = new StringBuilder();
      for (String line : text.split("\n")) {
        if (!line.strip().startsWith("--")) {
          withoutComments.append(line).append('\n');
        }
      }
      return Arrays.stream(withoutComments.toString().split(";\\s*\n"))
          .map(s -> s.strip().replaceAll(";$", ""))
          .filter(s -> !s.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** major.minor.patch of Camunda. */
  record Version(int major, int minor, int patch) implements Comparable<Version> {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    static Optional<Version> parse(String text) {
      Matcher m = text == null ? null : FORMAT.matcher(text.strip());
      if (m == null || !m.matches()) {
        return Optional.empty();
      }
      return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }

    static Version of(String text) {
      return parse(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
    }

    boolean minorBelow(Version other) {
      return major < other.major || major == other.major && minor < other.minor;
    }

    @Override
    public int compareTo(Version other) {
      return Comparator.comparingInt(Version::major).thenComparingInt(Version::minor)
          .thenComparingInt(Version::patch).compare(this, other);
    }

    @Override
    public String toString() {
      return major + "." + minor + "." + patch;
    }
  }
}
