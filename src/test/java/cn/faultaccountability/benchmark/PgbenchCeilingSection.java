package cn.faultaccountability.benchmark;

import cn.faultaccountability.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL ceiling the whole cases are held against (issue 9): pgbench's default TPC-B-like read-write script
 * on a pgbench database of its own ({@code <IT_DB_NAME>_pgbench}, scale 10; smoke: 1), with one client and with as
 * many clients as the benchmark's threads, each for {@code pgbenchSeconds}. Runs before the application starts, so
 * that pgbench has the machine to itself.
 */
final class PgbenchCeilingSection implements BenchmarkSection {

  static final String NAME = "ceiling";
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(BenchmarkRun run) throws Exception {
    measure(run);
  }

  /** The ceiling with {@code clients} clients, measured now if this run has not measured it yet. */
  static double ceiling(BenchmarkRun run, int clients) throws Exception {
    Optional<BenchmarkReport.Row> row = run.report().find(NAME, metric(clients));
    if (row.isEmpty()) {
      measure(run);
      row = run.report().find(NAME, metric(clients));
    }
    return row.orElseThrow().value();
  }

  static String metric(int clients) {
    return "pgbench read-write, " + clients + (clients == 1 ? " client" : " clients");
  }

  private static void measure(BenchmarkRun run) throws Exception {
    BenchmarkScale scale = run.scale();
    int pgScale = Integer.getInteger("benchmark.pgbenchScale", "smoke".equals(scale.name()) ? 1 : 10);
    String database = PostgresTestDatabase.name() + "_pgbench";
    PostgresTestDatabase.fresh(database);
    pgbench(List.of("-i", "-q", "-s", String.valueOf(pgScale), database), 600);
    List<Integer> clients = scale.threads() == 1 ? List.of(1) : List.of(1, scale.threads());
    for (int c : clients) {
      String out = pgbench(List.of("-c", String.valueOf(c), "-j", String.valueOf(Math.min(2, c)),
          "-T", String.valueOf(scale.pgbenchSeconds()), database), scale.pgbenchSeconds() + 300);
      Matcher tps = TPS.matcher(out);
      if (!tps.find()) {
        throw new IllegalStateException("pgbench printed no tps:\n" + out);
      }
      run.report().add(NAME, metric(c), Double.parseDouble(tps.group(1)), "tx/s",
          "TPC-B-like, scale " + pgScale + ", " + scale.pgbenchSeconds() + " s");
    }
    PostgresTestDatabase.drop(database);
  }

  private static String pgbench(List<String> arguments, long timeoutSeconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("pgbench", "-h", PostgresTestDatabase.host(), "-p",
        PostgresTestDatabase.port(), "-U", PostgresTestDatabase.user()));
    command.addAll(arguments);
    Path output = Files.createTempFile("pgbench", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      if (!PostgresTestDatabase.password().isEmpty()) {
        builder.environment().put("PGPASSWORD", PostgresTestDatabase.password());
      }
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("pgbench did not finish in " + timeoutSeconds + " s: " + command);
      }
      String out = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("pgbench failed (exit " + process.exitValue() + "): " + command + "\n" + out);
      }
      return out;
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
