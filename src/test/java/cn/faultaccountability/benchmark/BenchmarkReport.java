package cn.faultaccountability.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The figures of one run: printed as a table and written to {@code target/benchmark/report.md}. */
public final class BenchmarkReport {

  /**
   * One measured figure. {@code target} is the target in words (empty if none); {@code met} is whether the
   * figure meets it (null if there is no target).
   */
  public record Row(String section, String metric, double value, String unit, String target, Boolean met,
      String note) {}

  private final List<Row> rows = new ArrayList<>();

  public synchronized Row add(String section, String metric, double value, String unit, String target, Boolean met,
      String note) {
    Row row = new Row(section, metric, value, unit, target == null ? "" : target, met, note == null ? "" : note);
    rows.add(row);
    System.out.println("[benchmark] " + line(row));
    return row;
  }

  /** A figure with no target. */
  public Row add(String section, String metric, double value, String unit, String note) {
    return add(section, metric, value, unit, "", null, note);
  }

  /** A figure that must be at most {@code limit}. */
  public Row atMost(String section, String metric, double value, String unit, double limit, String note) {
    return add(section, metric, value, unit, "≤ " + format(limit) + " " + unit, value <= limit, note);
  }

  /** A figure that must be at least {@code limit}. */
  public Row atLeast(String section, String metric, double value, String unit, double limit, String note) {
    return add(section, metric, value, unit, "≥ " + format(limit) + " " + unit, value >= limit, note);
  }

  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  public synchronized Optional<Row> find(String section, String metric) {
    return rows.stream().filter(r -> r.section().equals(section) && r.metric().equals(metric)).findFirst();
  }

  /** The table: one line per figure, with its target and whether it is met. */
  public synchronized String table() {
    int section = width(Row::section, "section");
    int metric = width(Row::metric, "metric");
    String format = "%-" + section + "s | %-" + metric + "s | %14s %-8s | %-18s | %-4s | %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, format, "section", "metric", "value", "unit", "target", "met", "note"));
    out.append("-".repeat(section + metric + 80)).append('\n');
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, format, row.section(), row.metric(), format(row.value()), row.unit(),
          row.target(), row.met() == null ? "" : row.met() ? "yes" : "NO", row.note()));
    }
    return out.toString();
  }

  /** The same figures as a Markdown table. */
  public synchronized String markdown(String title) {
    StringBuilder out = new StringBuilder("## " + title + "\n\n| section | metric | value | unit | target | met | note |\n"
        + "|---|---|---:|---|---|---|---|\n");
    for (Row row : rows) {
      out.append("| ").append(row.section()).append(" | ").append(row.metric()).append(" | ")
          .append(format(row.value())).append(" | ").append(row.unit()).append(" | ").append(row.target())
          .append(" | ").append(row.met() == null ? "" : row.met() ? "yes" : "**no**").append(" | ")
          .append(row.note()).append(" |\n");
    }
    return out.toString();
  }

  public void write(Path file, String title) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, markdown(title), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : Math.abs(value) >= 1 ? "%.2f" : "%.3f",
        value);
  }

  private String line(Row row) {
    return row.section() + " · " + row.metric() + " = " + format(row.value()) + " " + row.unit()
        + (row.target().isEmpty() ? "" : " (target " + row.target() + ": " + (row.met() ? "met" : "NOT met") + ")")
        + (row.note().isEmpty() ? "" : " — " + row.note());
  }

  private int width(java.util.function.Function<Row, String> column, String header) {
    return Math.max(header.length(), rows.stream().mapToInt(r -> column.apply(r).length()).max().orElse(0));
  }
}
