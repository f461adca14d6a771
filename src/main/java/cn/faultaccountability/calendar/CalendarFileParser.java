package cn.faultaccountability.calendar;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one {@code <year>.yaml} calendar file (format: docs/calendar.md) and checks it strictly: a typo in a holiday
 * date silently moves statutory deadlines, so anything doubtful is refused with file, line, field and problem.
 */
public final class CalendarFileParser {

  public static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.yaml");
  private static final Set<String> TOP_LEVEL = Set.of("year", "source", "holidays", "workdays");
  private static final Set<String> HOLIDAY_FIELDS = Set.of("name", "from", "to");
  private static final Set<String> WORKDAY_FIELDS = Set.of("date", "name");
  /** A notice may fix days just outside its year (元旦 from 30 December); further out is a typo. */
  private static final int DAYS_OUTSIDE_YEAR = 31;

  private CalendarFileParser() {}

  /**
   * @param fileName the file's name, {@code <year>.yaml}
   * @param origin how to name the file in messages (path or classpath location)
   */
  public static YearSchedule parse(String fileName, String origin, String text) throws CalendarFileException {
    Matcher name = FILE_NAME.matcher(fileName);
    if (!name.matches()) {
      throw new CalendarFileException(origin, null, null, "文件名应为“四位年份.yaml”，例如 2027.yaml");
    }
    int fileYear = Integer.parseInt(name.group(1));
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowRecursiveKeys(false);
      options.setMaxAliasesForCollections(0);
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new CalendarFileException(origin, mark == null ? null : mark.getLine() + 1, null,
          "YAML 格式错误（" + e.getProblem() + "）");
    } catch (YAMLException e) {
      throw new CalendarFileException(origin, null, null, "YAML 格式错误（" + e.getMessage() + "）");
    }
    return new Reader(origin, fileYear).read(root);
  }

  private static final class Reader {
    private final String origin;
    private final int fileYear;

    Reader(String origin, int fileYear) {
      this.origin = origin;
      this.fileYear = fileYear;
    }

    YearSchedule read(Node root) throws CalendarFileException {
      if (!(root instanceof MappingNode mapping)) {
        throw fail(root == null ? 1 : line(root), null, "文件内容应为 year、source、holidays、workdays 四个字段");
      }
      Map<String, Node> fields = fields(mapping, TOP_LEVEL, "");
      int year = year(required(fields, "year", "", mapping));
      if (year != fileYear) {
        throw fail(line(fields.get("year")), "year", "年份 " + year + " 与文件名 " + fileYear + ".yaml 不一致");
      }
      String source = text(required(fields, "source", "", mapping), "source");

      Map<LocalDate, String> holidays = new HashMap<>();
      List<Node> holidayNodes = list(required(fields, "holidays", "", mapping), "holidays");
      if (holidayNodes.isEmpty()) {
        throw fail(line(fields.get("holidays")), "holidays", "放假安排不能为空");
      }
      for (int i = 0; i < holidayNodes.size(); i++) {
        String path = "holidays[" + (i + 1) + "]";
        Map<String, Node> entry = entry(holidayNodes.get(i), HOLIDAY_FIELDS, path);
        String holiday = text(required(entry, "name", path, holidayNodes.get(i)), path + ".name");
        LocalDate from = date(required(entry, "from", path, holidayNodes.get(i)), path + ".from");
        LocalDate to = date(required(entry, "to", path, holidayNodes.get(i)), path + ".to");
        if (to.isBefore(from)) {
          throw fail(line(entry.get("to")), path + ".to", "结束日期 " + to + " 早于开始日期 " + from);
        }
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
          if (holidays.containsKey(day)) {
            throw fail(line(entry.get("from")), path, day + " 已在前面的放假安排中（" + holidays.get(day) + "）");
          }
          holidays.put(day, holiday);
        }
      }

      Map<LocalDate, String> workdays = new HashMap<>();
      List<Node> workdayNodes = list(required(fields, "workdays", "", mapping), "workdays");
      for (int i = 0; i < workdayNodes.size(); i++) {
        String path = "workdays[" + (i + 1) + "]";
        Map<String, Node> entry = entry(workdayNodes.get(i), WORKDAY_FIELDS, path);
        Node dateNode = required(entry, "date", path, workdayNodes.get(i));
        LocalDate date = date(dateNode, path + ".date");
        String holiday = text(required(entry, "name", path, workdayNodes.get(i)), path + ".name");
        if (!CalendarDay.isWeekend(date)) {
          throw fail(line(dateNode), path + ".date",
              date + " 是" + CalendarDay.weekday(date) + "，调休上班日只能是星期六或星期日");
        }
        if (holidays.containsKey(date)) {
          throw fail(line(dateNode), path + ".date", date + " 同时被列为放假日（" + holidays.get(date) + "）");
        }
        if (workdays.putIfAbsent(date, holiday) != null) {
          throw fail(line(dateNode), path + ".date", date + " 重复列出");
        }
      }
      return new YearSchedule(year, source, holidays, workdays, origin);
    }

    private Map<String, Node> fields(MappingNode mapping, Set<String> allowed, String path)
        throws CalendarFileException {
      Map<String, Node> fields = new HashMap<>();
      Set<String> seen = new HashSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
        String field = path.isEmpty() ? key : path + "." + key;
        if (key == null || !allowed.contains(key)) {
          throw fail(line(tuple.getKeyNode()), field,
              "未知字段（允许的字段：" + String.join("、", allowed.stream().sorted().toList()) + "）");
        }
        if (!seen.add(key)) {
          throw fail(line(tuple.getKeyNode()), field, "字段重复");
        }
        fields.put(key, tuple.getValueNode());
      }
      return fields;
    }

    private Map<String, Node> entry(Node node, Set<String> allowed, String path) throws CalendarFileException {
      if (!(node instanceof MappingNode mapping)) {
        throw fail(line(node), path, "每一项应包含字段 " + String.join("、", allowed.stream().sorted().toList()));
      }
      return fields(mapping, allowed, path);
    }

    private Node required(Map<String, Node> fields, String key, String path, Node parent) throws CalendarFileException {
      Node node = fields.get(key);
      if (node == null || isNull(node)) {
        throw fail(line(node == null ? parent : node), path.isEmpty() ? key : path + "." + key, "缺少必填字段");
      }
      return node;
    }

    private int year(Node node) throws CalendarFileException {
      String value = scalar(node, "year");
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw fail(line(node), "year", "“" + value + "”不是年份");
      }
    }

    private String text(Node node, String field) throws CalendarFileException {
      String value = scalar(node, field).strip();
      if (value.isEmpty()) {
        throw fail(line(node), field, "不能为空");
      }
      return value;
    }

    private LocalDate date(Node node, String field) throws CalendarFileException {
      String value = scalar(node, field).strip();
      LocalDate date;
      try {
        date = LocalDate.parse(value);
      } catch (DateTimeException e) {
        throw fail(line(node), field, "“" + value + "”不是有效日期，应为 YYYY-MM-DD，例如 " + fileYear + "-10-01");
      }
      LocalDate first = LocalDate.of(fileYear, 1, 1).minusDays(DAYS_OUTSIDE_YEAR);
      LocalDate last = LocalDate.of(fileYear, 12, 31).plusDays(DAYS_OUTSIDE_YEAR);
      if (date.isBefore(first) || date.isAfter(last)) {
        throw fail(line(node), field, date + " 不在 " + fileYear + " 年内（本文件是 " + fileYear + " 年的安排）");
      }
      return date;
    }

    private List<Node> list(Node node, String field) throws CalendarFileException {
      if (node instanceof SequenceNode sequence) {
        return sequence.getValue();
      }
      throw fail(line(node), field, "应为列表（每项以“- ”开头）");
    }

    private String scalar(Node node, String field) throws CalendarFileException {
      if (node instanceof ScalarNode scalar) {
        return scalar.getValue();
      }
      throw fail(line(node), field, "应为单个值");
    }

    private static boolean isNull(Node node) {
      return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }

    private static int line(Node node) {
      return node.getStartMark().getLine() + 1;
    }

    private CalendarFileException fail(int line, String field, String problem) {
      return new CalendarFileException(origin, line, field, problem);
    }
  }
}
