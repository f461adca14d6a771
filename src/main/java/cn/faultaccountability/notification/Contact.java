package cn.faultaccountability.notification;

import java.util.regex.Pattern;

/**
 * A complainant's contact as recorded at intake: an e-mail address is written to; a phone number (or anything else)
 * cannot be reached by this system and becomes a task for a person to call or text — never dropped.
 */
public record Contact(Kind kind, String value) {

  public enum Kind { EMAIL, PHONE, OTHER }

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** Mainland mobile / landline, optionally with +86, area code, hyphens or spaces: 7 to 15 digits. */
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 \\-()]{5,18}[0-9]");

  public static Contact of(String value) {
    String v = value == null ? "" : value.strip();
    if (EMAIL.matcher(v).matches()) {
      return new Contact(Kind.EMAIL, v);
    }
    long digits = v.chars().filter(Character::isDigit).count();
    if (PHONE.matcher(v).matches() && digits >= 7 && digits <= 15) {
      return new Contact(Kind.PHONE, v);
    }
    return new Contact(Kind.OTHER, v);
  }
}
