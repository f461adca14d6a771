package cn.faultaccountability.notification;

import java.util.List;

/**
 * What became of a notice, so the caller records it in the case history.
 *
 * @param status SENT (e-mailed), LOGGED (the log channel: nothing left the system), MANUAL (a person must call or
 *     text: phone number or unrecognised contact), NO_RECIPIENT (no e-mail address known for anyone responsible)
 * @param recipients the addresses or the contact concerned
 */
public record Delivery(Status status, List<String> recipients) {

  public enum Status { SENT, LOGGED, MANUAL, NO_RECIPIENT }

  public static Delivery of(Status status, List<String> recipients) {
    return new Delivery(status, List.copyOf(recipients));
  }

  /** For the case history, in Chinese. */
  public String describe() {
    String to = String.join("、", recipients);
    return switch (status) {
      case SENT -> "已发送电子邮件至 " + to;
      case LOGGED -> "已记录（日志通道，未实际发出）：" + to;
      case MANUAL -> "需人工电话或短信告知：" + to;
      case NO_RECIPIENT -> "没有可发送的电子邮件地址，未能提醒";
    };
  }
}
