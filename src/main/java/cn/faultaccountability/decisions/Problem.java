package cn.faultaccountability.decisions;

/**
 * One finding of the check or the case runner, printed as {@code file · rule · reason} so that a legal officer can go
 * straight to the table row or the case that needs attention.
 *
 * @param file   the file, relative to the decisions folder where possible (e.g. {@code jilin/circumstances.dmn})
 * @param rule   the rule id, case title or element concerned; {@code "-"} when the whole file is meant
 * @param reason what is wrong, in plain words
 */
public record Problem(String file, String rule, String reason) {

  public Problem {
    file = file == null || file.isBlank() ? "-" : file;
    rule = rule == null || rule.isBlank() ? "-" : rule;
  }

  @Override
  public String toString() {
    return file + " · " + rule + " · " + reason;
  }
}
