package cn.faultaccountability.calendar;

/**
 * A calendar file that cannot be used: names the file, the line and field, and the problem, in Chinese, so that an
 * administrator can fix it (the previous data stays in force meanwhile).
 */
public class CalendarFileException extends Exception {

  private final String file;
  private final Integer line;
  private final String field;
  private final String problem;

  public CalendarFileException(String file, Integer line, String field, String problem) {
    super(format(file, line, field, problem));
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  private static String format(String file, Integer line, String field, String problem) {
    StringBuilder text = new StringBuilder("日历文件 ").append(file);
    if (line != null) {
      text.append(" 第 ").append(line).append(" 行");
    }
    if (field != null) {
      text.append("，字段 ").append(field);
    }
    return text.append("：").append(problem).toString();
  }

  public String file() {
    return file;
  }

  /** 1-based, or null when the problem is the file as a whole (e.g. its name). */
  public Integer line() {
    return line;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
