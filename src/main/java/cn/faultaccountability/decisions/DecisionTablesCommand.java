package cn.faultaccountability.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code decisions check | deploy | rollback}: run from the application jar without starting Spring
 * ({@code scripts/decisions.sh}, or {@code java -jar fault-accountability.jar decisions …}).
 *
 * <ul>
 *   <li>{@code check [--tenant T] [--dir decisions]} — the report, one line per problem; exit 0 when clean, else 1.</li>
 *   <li>{@code deploy --tenant T [--url U] [--user U --password P] [--dir decisions]} — checks the tenant and, only if
 *       clean, deploys all its tables in ONE deployment (changed-only), then prints the latest version of each.</li>
 *   <li>{@code rollback --tenant T --key K [--url U] [--user U --password P]} — deploys the previous version's XML as
 *       the new latest version.</li>
 * </ul>
 * The deployment name and source are our own ({@code decisions-T-revision}, {@code decision-tables-cli}), never the
 * application's start-up deployment ({@code decisions-T}, {@code fault-accountability-app}): the start-up deployment
 * filters changes by name and source, so a revision deployed here stays the latest version after a restart.
 */
public final class DecisionTablesCommand {

  public static final String SOURCE = "decision-tables-cli";
  public static final String DEFAULT_URL = "http://localhost:8080/engine-rest";

  public static String deploymentName(String tenant) {
    return "decisions-" + tenant + "-revision";
  }

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  public DecisionTablesCommand(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  /** Entry point from the application's main method; quiet logging, the report on the console. */
  public static int run(String[] args) {
    quietLogging();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    return new DecisionTablesCommand(out, err, System.getenv()).execute(args);
  }

  /** Without Spring, Logback would print the DMN engine's debug output between the report lines. */
  private static void quietLogging() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }

  public int execute(String[] args) {
    if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
      usage(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    Map<String, String> options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      usage(err);
      return 2;
    }
    try {
      return switch (args[0]) {
        case "check" -> check(options);
        case "deploy" -> deploy(options);
        case "rollback" -> rollback(options);
        default -> {
          err.println("未知命令 " + args[0]);
          usage(err);
          yield 2;
        }
      };
    } catch (UsageException e) {
      err.println(e.getMessage());
      return 2;
    } catch (EngineRestClient.EngineRestException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("出错：" + DecisionTableFile.rootMessage(e));
      return 1;
    }
  }

  private static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private int check(Map<String, String> options) throws IOException, UsageException {
    allowOnly(options, "tenant", "dir");
    Path dir = Path.of(options.getOrDefault("dir", "decisions"));
    Optional<String> tenant = Optional.ofNullable(options.get("tenant"));
    List<Problem> problems = checker(dir).check(dir, tenant);
    return report(problems, tenant.orElse("全部辖区"));
  }

  private int report(List<Problem> problems, String scope) {
    problems.forEach(p -> out.println(p));
    if (problems.isEmpty()) {
      out.println("检查通过（" + scope + "）：没有发现问题");
      return 0;
    }
    out.println("检查未通过（" + scope + "）：" + problems.size() + " 个问题");
    return 1;
  }

  private DecisionTableChecker checker(Path dir) {
    // report file names relative to the folder that holds decisions/, as the legal officer sees them
    Path base = dir.toAbsolutePath().normalize().getParent();
    return new DecisionTableChecker(DecisionContracts.load(dir), base == null ? dir : base);
  }

  private int deploy(Map<String, String> options)
      throws IOException, UsageException, EngineRestClient.EngineRestException {
    allowOnly(options, "tenant", "dir", "url", "user", "password");
    String tenant = required(options, "tenant");
    Path dir = Path.of(options.getOrDefault("dir", "decisions"));
    List<Problem> problems = checker(dir).check(dir, Optional.of(tenant));
    if (report(problems, tenant) != 0) {
      err.println("未部署任何内容：请先修正以上问题。");
      return 1;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir.resolve(tenant))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".dmn"))
          .sorted(Comparator.comparing(Path::toString)).toList()) {
        resources.put("decisions/" + tenant + "/" + file.getFileName(), Files.readAllBytes(file));
      }
    }
    EngineRestClient client = client(options);
    JsonNode deployment = client.createDeployment(deploymentName(tenant), SOURCE, tenant, true, resources);
    JsonNode deployed = deployment.path("deployedDecisionDefinitions");
    if (deployed.isObject() && deployed.size() > 0) {
      out.println("已部署到 " + client.baseUrl() + "（租户 " + tenant + "，部署 " + deploymentName(tenant) + "，id "
          + deployment.path("id").asText() + "）：" + deployed.size() + " 张表有新版本");
    } else {
      out.println("所有决策表与上次用本命令部署的内容相同，没有产生新版本（租户 " + tenant + "）");
    }
    printLatest(client, tenant);
    return 0;
  }

  private void printLatest(EngineRestClient client, String tenant) throws EngineRestClient.EngineRestException {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("tenantIdIn", tenant);
    query.put("latestVersion", "true");
    query.put("sortBy", "key");
    query.put("sortOrder", "asc");
    out.println("当前生效的版本（租户 " + tenant + "）：");
    for (JsonNode definition : client.decisionDefinitions(query)) {
      out.println("  " + definition.path("key").asText() + " · 版本 " + definition.path("version").asInt()
          + " · versionTag " + definition.path("versionTag").asText("-") + " · id " + definition.path("id").asText());
    }
  }

  private int rollback(Map<String, String> options) throws UsageException, EngineRestClient.EngineRestException {
    allowOnly(options, "tenant", "key", "url", "user", "password");
    String tenant = required(options, "tenant");
    String key = required(options, "key");
    EngineRestClient client = client(options);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("key", key);
    query.put("tenantIdIn", tenant);
    query.put("sortBy", "version");
    query.put("sortOrder", "desc");
    List<JsonNode> versions = client.decisionDefinitions(query);
    if (versions.isEmpty()) {
      err.println("租户 " + tenant + " 没有决策 " + key);
      return 1;
    }
    if (versions.size() < 2) {
      err.println("决策 " + key + "（租户 " + tenant + "）只有版本 " + versions.get(0).path("version").asInt()
          + "，没有上一版本可以回滚");
      return 1;
    }
    JsonNode latest = versions.get(0);
    JsonNode previous = versions.get(1);
    String xml = client.decisionXml(previous.path("id").asText());
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put("decisions/" + tenant + "/" + key + ".dmn", xml.getBytes(StandardCharsets.UTF_8));
    // not changed-only: the previous content must become the latest version even if it equals an older deployment
    JsonNode deployment = client.createDeployment(deploymentName(tenant), SOURCE, tenant, false, resources);
    JsonNode created = null;
    for (JsonNode definition : deployment.path("deployedDecisionDefinitions")) {
      if (key.equals(definition.path("key").asText())) {
        created = definition;
      }
    }
    if (created == null) {
      err.println("引擎没有为 " + key + " 创建新版本（部署 id " + deployment.path("id").asText() + "）");
      return 1;
    }
    out.println("已回滚 " + key + "（租户 " + tenant + "）：版本 " + latest.path("version").asInt() + " → 新版本 "
        + created.path("version").asInt() + "，内容与版本 " + previous.path("version").asInt() + " 相同（versionTag "
        + previous.path("versionTag").asText("-") + "，id " + created.path("id").asText() + "）");
    return 0;
  }

  private EngineRestClient client(Map<String, String> options) {
    String url = options.getOrDefault("url", env.getOrDefault("ENGINE_REST_URL", DEFAULT_URL));
    String user = options.getOrDefault("user", env.get("ENGINE_USER"));
    String password = options.getOrDefault("password", env.get("ENGINE_PASSWORD"));
    return new EngineRestClient(url, user == null || user.isBlank() ? null : user, password);
  }

  private static String required(Map<String, String> options, String name) throws UsageException {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException("缺少 --" + name);
    }
    return value;
  }

  private static void allowOnly(Map<String, String> options, String... names) throws UsageException {
    List<String> allowed = List.of(names);
    for (String name : options.keySet()) {
      if (!allowed.contains(name)) {
        throw new UsageException("此命令没有选项 --" + name + "（可用：--" + String.join("、--", allowed) + "）");
      }
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("多余的参数 " + arg);
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < rest.size()) {
        value = rest.get(++i);
      } else {
        throw new IllegalArgumentException("--" + name + " 缺少取值");
      }
      options.put(name, value);
    }
    return options;
  }

  private static void usage(PrintStream stream) {
    stream.println("""
        用法 / usage:
          decisions check    [--tenant T] [--dir decisions]
          decisions deploy   --tenant T [--url http://localhost:8080/engine-rest] [--user U --password P] [--dir decisions]
          decisions rollback --tenant T --key K [--url …] [--user U --password P]
        环境变量 / environment: ENGINE_REST_URL, ENGINE_USER, ENGINE_PASSWORD
        退出码 / exit: 0 成功, 1 检查未通过或部署失败, 2 用法错误""");
  }
}
