package cn.faultaccountability.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The calendar data in force: the {@code calendar/<year>.yaml} files shipped in the jar, overridden or extended per
 * year by the files in the administrators' folder (SPEC §3: updated each year without a rebuild).
 *
 * <p>The folder is checked on every use (a directory listing; the files are re-read only when a name, size or
 * modification time changed), so a new or corrected file applies to the next due date without a restart. A file that
 * cannot be used is refused with file, line, field and problem; the version of that file read before stays in force
 * (or, if there was none, the shipped file of that year).
 */
public class CalendarStore {

  public static final String SHIPPED = "classpath*:calendar/*.yaml";
  private static final Logger LOG = LoggerFactory.getLogger(CalendarStore.class);

  private final Path externalDir;
  private final Clock clock;
  private final Map<Integer, YearSchedule> shipped;
  private final Map<String, ExternalFile> external = new TreeMap<>();
  private final SortedSet<Integer> provisionalYears = new ConcurrentSkipListSet<>();
  private Map<String, Fingerprint> lastSeen;
  private volatile WorkingDayCalendar current;

  public CalendarStore(String shippedPattern, Path externalDir, Clock clock) {
    this.externalDir = externalDir;
    this.clock = clock;
    this.shipped = loadShipped(shippedPattern);
    LOG.info("随程序发布的工作日日历：{} 年；外部日历目录：{}{}", shipped.keySet(), externalDir.toAbsolutePath(),
        Files.isDirectory(externalDir) ? "" : "（不存在，仅使用随程序发布的日历）");
    refresh();
  }

  /** The calendar in force, after picking up any change in the administrators' folder. */
  public WorkingDayCalendar current() {
    refresh();
    return current;
  }

  /**
   * A due date was computed on weekends only because these years have no data (SPEC §3): remembered, logged and
   * reported (health indicator, {@code /api/calendar}) until the year's file exists.
   */
  public void reportProvisional(Collection<Integer> years) {
    for (Integer year : years) {
      if (!current.hasYear(year) && provisionalYears.add(year)) {
        LOG.warn("{} 年没有工作日日历数据：该年的期限只按周末计算（临时结果）。请在 {} 中添加 {}.yaml（见 docs/calendar.md）",
            year, externalDir.toAbsolutePath(), year);
      }
    }
  }

  public CalendarStatus status() {
    WorkingDayCalendar calendar = current();
    SortedSet<Integer> missing = new TreeSet<>(provisionalYears);
    missing.add(LocalDate.now(clock).getYear());
    missing.removeIf(calendar::hasYear);
    provisionalYears.removeIf(calendar::hasYear);
    List<CalendarStatus.LoadedYear> years = calendar.schedules().values().stream()
        .map(s -> new CalendarStatus.LoadedYear(s.year(), s.source(), s.origin(), s.holidays().size(),
            s.makeUpWorkdays().size()))
        .toList();
    List<CalendarStatus.RejectedFile> rejected;
    synchronized (this) {
      rejected = external.values().stream().filter(f -> f.error != null)
          .map(f -> new CalendarStatus.RejectedFile(f.error.file(), f.error.line(), f.error.field(),
              f.error.problem(), f.error.getMessage(), inForceInstead(f)))
          .toList();
    }
    return new CalendarStatus(years, List.copyOf(missing), rejected, externalDir.toAbsolutePath().toString());
  }

  private String inForceInstead(ExternalFile file) {
    if (file.good != null) {
      return "仍使用该文件上一次读取成功的内容";
    }
    Integer year = yearOf(file.name);
    if (year != null && shipped.containsKey(year)) {
      return "仍使用随程序发布的 " + year + " 年日历";
    }
    return year == null ? "该文件被忽略" : year + " 年没有日历数据，期限按周末计算（临时结果）";
  }

  private synchronized void refresh() {
    Map<String, Fingerprint> seen = scan();
    if (seen.equals(lastSeen)) {
      return;
    }
    boolean first = lastSeen == null;
    external.keySet().retainAll(seen.keySet());
    for (Map.Entry<String, Fingerprint> file : seen.entrySet()) {
      ExternalFile state = external.computeIfAbsent(file.getKey(), ExternalFile::new);
      if (file.getValue().equals(state.fingerprint)) {
        continue;
      }
      state.fingerprint = file.getValue();
      Path path = externalDir.resolve(file.getKey());
      try {
        state.good = CalendarFileParser.parse(file.getKey(), path.toString(), read(path));
        state.error = null;
      } catch (CalendarFileException e) {
        state.error = e;
        LOG.error("{}。该文件未被采用，{}", e.getMessage(), inForceInstead(state));
      }
    }
    Map<Integer, YearSchedule> inForce = new TreeMap<>(shipped);
    for (ExternalFile file : external.values()) {
      if (file.good != null) {
        inForce.put(file.good.year(), file.good);
      }
    }
    current = new WorkingDayCalendar(inForce.values());
    lastSeen = seen;
    if (!first || !external.isEmpty()) {
      LOG.info("工作日日历已读取：{} 年（外部目录 {}）", current.years(), externalDir.toAbsolutePath());
    }
  }

  private Map<String, Fingerprint> scan() {
    Map<String, Fingerprint> seen = new HashMap<>();
    if (!Files.isDirectory(externalDir)) {
      return seen;
    }
    try (Stream<Path> files = Files.list(externalDir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if ((name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(file)) {
          seen.put(name, new Fingerprint(Files.size(file), Files.getLastModifiedTime(file)));
        }
      }
    } catch (IOException e) {
      // an unreadable folder must not stop deadlines: the data read before stays in force
      LOG.error("无法读取外部日历目录 {}：{}；继续使用此前的日历数据", externalDir.toAbsolutePath(), e.getMessage());
      return lastSeen == null ? seen : lastSeen;
    }
    return seen;
  }

  private static String read(Path path) throws CalendarFileException {
    try {
      return decode(Files.readAllBytes(path), path.toString());
    } catch (IOException e) {
      throw new CalendarFileException(path.toString(), null, null, "无法读取文件（" + e.getMessage() + "）");
    }
  }

  private static String decode(byte[] bytes, String origin) throws CalendarFileException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CalendarFileException(origin, null, null, "文件不是 UTF-8 编码，请以 UTF-8 保存");
    }
  }

  /** The jar's files are ours: one that does not parse is a build error, so the app refuses to start. */
  private static Map<Integer, YearSchedule> loadShipped(String pattern) {
    Map<Integer, YearSchedule> schedules = new TreeMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        String origin = "classpath:calendar/" + resource.getFilename();
        try (InputStream in = resource.getInputStream()) {
          YearSchedule schedule = CalendarFileParser.parse(Objects.requireNonNull(resource.getFilename()), origin,
              decode(in.readAllBytes(), origin));
          schedules.put(schedule.year(), schedule);
        } catch (CalendarFileException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取随程序发布的日历 " + pattern, e);
    }
    return schedules;
  }

  private static Integer yearOf(String fileName) {
    var matcher = CalendarFileParser.FILE_NAME.matcher(fileName);
    return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
  }

  private record Fingerprint(long size, FileTime modified) {}

  private static final class ExternalFile {
    final String name;
    Fingerprint fingerprint;
    YearSchedule good;
    CalendarFileException error;

    ExternalFile(String name) {
      this.name = name;
    }
  }

  /** What administrators need to know about the calendar data (health indicator, {@code GET /api/calendar}). */
  public record CalendarStatus(List<LoadedYear> years, List<Integer> missingYears, List<RejectedFile> rejectedFiles,
      String externalDir) {

    public record LoadedYear(int year, String source, String file, int holidays, int makeUpWorkdays) {}

    public record RejectedFile(String file, Integer line, String field, String problem, String message,
        String inForceInstead) {}

    /** The Chinese warning for administrators, or null when nothing is missing or refused. */
    public String warning() {
      List<String> parts = new ArrayList<>();
      if (!missingYears.isEmpty()) {
        parts.add(missingYears.stream().map(String::valueOf).reduce((a, b) -> a + "、" + b).orElseThrow()
            + " 年没有工作日日历数据：落在这些年份的期限只按周末计算，标记为临时结果（provisional）。"
            + "请在国务院办公厅公布节假日安排后，在日历目录 " + externalDir + " 中添加对应的 <年份>.yaml（见 docs/calendar.md）");
      }
      if (!rejectedFiles.isEmpty()) {
        parts.add(rejectedFiles.size() + " 个日历文件有错误未被采用：" + rejectedFiles.stream()
            .map(RejectedFile::message).reduce((a, b) -> a + "；" + b).orElseThrow());
      }
      return parts.isEmpty() ? null : String.join("。", parts);
    }
  }
}
