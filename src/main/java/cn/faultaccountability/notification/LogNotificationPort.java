package cn.faultaccountability.notification;

import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded default ({@code accountability.notification.channel=log}): notices are written to the log and the
 * case history says so; a phone number is still handed to a person (MANUAL), as with e-mail.
 */
@Component
@ConditionalOnProperty(name = "accountability.notification.channel", havingValue = "log", matchIfMissing = true)
public class LogNotificationPort implements NotificationPort {

  private static final Logger LOG = LoggerFactory.getLogger(LogNotificationPort.class);

  private final StaffAddresses staff;

  public LogNotificationPort(StaffAddresses staff) {
    this.staff = staff;
  }

  @Override
  public Delivery deadlineReminder(String tenantId, String businessKey, String stage, Date lapsesAt,
      String groupId) {
    List<String> to = staff.emails(groupId);
    LOG.info("期限提醒 [{}] 组 {} {}：{}", tenantId, groupId, to, Notices.reminderBody(tenantId, businessKey, stage,
        lapsesAt));
    return Delivery.of(Delivery.Status.LOGGED, to.isEmpty() ? List.of(groupId) : to);
  }

  @Override
  public Delivery notifyComplainant(String tenantId, String businessKey, String contact, String message) {
    Contact to = Contact.of(contact);
    LOG.info("告知投诉人 [{}] 案件 {} 联系方式 {}：{}", tenantId, businessKey, contact, message);
    return Delivery.of(to.kind() == Contact.Kind.EMAIL ? Delivery.Status.LOGGED : Delivery.Status.MANUAL,
        List.of(to.value()));
  }
}
