package cn.faultaccountability.notification;

import java.util.Date;

/**
 * Where notices to staff and complainants go: e-mail ({@link SmtpNotificationPort},
 * {@code accountability.notification.channel=smtp}) or the log ({@link LogNotificationPort}, the embedded default).
 * A complainant's phone number is never dropped: the delivery says MANUAL and the caller hands it to a person.
 */
public interface NotificationPort {

  /** YELLOW (SPEC §3): the members of the responsible group ({@code <tenant>-<role>}) are reminded. */
  Delivery deadlineReminder(String tenantId, String businessKey, String stage, Date lapsesAt, String groupId);

  /** The complainant or reporter is told the outcome or why no case was filed (Jilin 15, Changzhou 28). */
  Delivery notifyComplainant(String tenantId, String businessKey, String contact, String message);
}
