package cn.faultaccountability.reliability;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reliability run measured (figures) and checked (checks: expected against found). A run passes when every
 * check holds; the test asserts that, the scripts print it and exit non-zero otherwise.
 */
public final class ReliabilityReport {

  public record Check(String name, Object expected, Object actual, boolean passed) {}

  private final String title;
  private final Map<String, Object> figures = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<Check> checks = Collections.synchronizedList(new ArrayList<>());

  ReliabilityReport(String title) {
    this.title = title;
  }

  void figure(String name, Object value) {
    figures.put(name, value);
  }

  /** A check that the value found equals the value expected. */
  void check(String name, Object expected, Object actual) {
    checks.add(new Check(name, expected, actual, String.valueOf(expected).equals(String.valueOf(actual))));
  }

  /** A check whose condition is described by {@code expected} (e.g. "≥ 1"). */
  void check(String name, String expected, Object actual, boolean passed) {
    checks.add(new Check(name, expected, actual, passed));
  }

  public Map<String, Object> figures() {
    return figures;
  }

  public List<Check> checks() {
    return List.copyOf(checks);
  }

  public List<Check> failures() {
    return checks().stream().filter(c -> !c.passed()).toList();
  }

  public boolean passed() {
    return failures().isEmpty();
  }

  public void print(PrintStream out) {
    out.println();
    out.println("== " + title + " ==");
    figures.forEach((name, value) -> out.println(String.format("  %-58s %s", name, value)));
    out.println("  -- checks --");
    for (Check c : checks()) {
      out.println(String.format("  [%s] %-52s expected %s, found %s", c.passed() ? "ok" : "FAILED", c.name(),
          c.expected(), c.actual()));
    }
    out.println(String.format("  %d passed, %d failed", checks().size() - failures().size(), failures().size()));
  }
}
