package cn.faultaccountability.platform;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code schema check | create | upgrade}: the engine's tables, run from the application jar without starting it
 * ({@code java -jar fault-accountability.jar schema …}), against the database the application uses — the same
 * environment variables DB_URL, DB_USER, DB_PASSWORD (without DB_URL: the embedded H2 database in DATA_DIR).
 * <ul>
 *   <li>{@code check} — whether the tables are there and of this engine's version; exit 0 if so, else 1.</li>
 *   <li>{@code create} — first installation: creates the missing tables with the engine's create scripts.</li>
 *   <li>{@code upgrade} — after a Camunda upgrade: runs the engine's update scripts up to this version.</li>
 * </ul>
 * Production starts with the engine's schema updates off, and refuses to start until these are done
 * ({@link EngineSchemaCheck}); docs/operations.md.
 */
public final class EngineSchemaCommand {

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  public EngineSchemaCommand(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  /** Entry point from the application's main method. */
  public static int run(String[] args) {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.ERROR);
    }
    return new EngineSchemaCommand(new PrintStream(System.out, true, StandardCharsets.UTF_8),
        new PrintStream(System.err, true, StandardCharsets.UTF_8), System.getenv()).execute(args);
  }

  public int execute(String[] args) {
    if (args.length != 1 || !List.of("check", "create", "upgrade").contains(args[0])) {
      boolean help = args.length == 1 && List.of("help", "--help", "-h").contains(args[0]);
      (help ? out : err).println("""
          用法 / usage: java -jar fault-accountability.jar schema check|create|upgrade
            check    引擎数据库表是否存在且与本程序的引擎版本相符 / are the engine tables there and current
            create   首次安装：创建引擎数据库表 / first installation: create the engine tables
            upgrade  升级 Camunda 之后：运行引擎的升级脚本 / after a Camunda upgrade: run the engine's update scripts
          数据库 / database: DB_URL, DB_USER, DB_PASSWORD（与应用相同 / as for the application）
          退出码 / exit: 0 成功, 1 未就绪或失败, 2 用法错误""");
      return help ? 0 : 2;
    }
    String url = env.getOrDefault("DB_URL", "");
    if (url.isBlank()) {
      url = "jdbc:h2:file:" + env.getOrDefault("DATA_DIR", "./data") + "/fault-accountability;DB_CLOSE_ON_EXIT=FALSE";
    }
    String user = url.startsWith("jdbc:h2:") ? env.getOrDefault("DB_USER", "sa") : env.get("DB_USER");
    String password = env.getOrDefault("DB_PASSWORD", "");
    out.println("数据库 / database: " + url.replaceAll("(?i)password=[^;&]*", "password=***"));
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      return switch (args[0]) {
        case "check" -> check(connection);
        case "create" -> create(connection);
        default -> upgrade(connection);
      };
    } catch (SQLException | RuntimeException e) {
      err.println("出错 / failed: " + e.getMessage());
      return 1;
    }
  }

  private int check(Connection connection) throws SQLException {
    EngineSchema.Status status = EngineSchema.status(connection);
    out.println(status.describe());
    if (status.missing()) {
      out.println("请运行 / run: schema create");
    } else if (status.outdated()) {
      out.println("请运行 / run: schema upgrade");
    }
    return status.current() ? 0 : 1;
  }

  private int create(Connection connection) throws SQLException {
    List<String> run = EngineSchema.create(connection);
    if (run.isEmpty()) {
      out.println("引擎数据库表已存在，未创建任何表 / the engine tables exist, nothing created");
    }
    run.forEach(script -> out.println("已执行 / ran " + script));
    return check(connection);
  }

  private int upgrade(Connection connection) throws SQLException {
    List<String> run = EngineSchema.upgrade(connection);
    if (run.isEmpty()) {
      out.println("无需升级 / nothing to upgrade");
    }
    run.forEach(script -> out.println("已执行 / ran " + script));
    return check(connection);
  }
}
