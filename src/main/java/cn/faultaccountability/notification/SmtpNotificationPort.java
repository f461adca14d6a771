package cn.faultaccountability.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through {@code spring.mail.*} ({@code accountability.notification.channel=smtp}). A failed send fails the
 * step that sends it, so the engine retries the job (or the user sees the error) instead of losing the notice.
 */
@Component
@ConditionalOnProperty(name = "accountability.notification.channel", havingValue = "smtp")
public class SmtpNotificationPort implements NotificationPort {

  private final JavaMailSender mail;
  private final String from;
  private final StaffAddresses staff;

  public SmtpNotificationPort(ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
      StaffAddresses staff) {
    this.mail = mail.getIfAvailable();
    if (this.mail == null) {
      throw new IllegalStateException("accountability.notification.channel=smtp 需要设置邮件服务器 spring.mail.host"
          + "（以及 spring.mail.port、spring.mail.username、spring.mail.password）");
    }
    if (properties.from() == null || properties.from().isBlank()) {
      throw new IllegalStateException("accountability.notification.channel=smtp 需要设置发件人地址 "
          + "accountability.notification.from");
    }
    this.from = properties.from();
    this.staff = staff;
  }

  @Override
  public Delivery deadlineReminder(String tenantId, String businessKey, String stage, Date lapsesAt,
      String groupId) {
    List<String> to = staff.emails(groupId);
    if (to.isEmpty()) {
      return Delivery.of(Delivery.Status.NO_RECIPIENT, List.of(groupId));
    }
    send(to, Notices.reminderSubject(businessKey, stage), Notices.reminderBody(tenantId, businessKey, stage,
        lapsesAt));
    return Delivery.of(Delivery.Status.SENT, to);
  }

  @Override
  public Delivery notifyComplainant(String tenantId, String businessKey, String contact, String message) {
    Contact to = Contact.of(contact);
    if (to.kind() != Contact.Kind.EMAIL) {
      return Delivery.of(Delivery.Status.MANUAL, List.of(to.value()));
    }
    send(List.of(to.value()), Notices.complainantSubject(tenantId, businessKey), Notices.complainantBody(message));
    return Delivery.of(Delivery.Status.SENT, List.of(to.value()));
  }

  private void send(List<String> to, String subject, String body) {
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(subject);
      helper.setText(body);
      mail.send(message);
    } catch (MessagingException | MailException e) {
      throw new IllegalStateException("邮件发送失败（" + String.join("、", to) + "）：" + e.getMessage(), e);
    }
  }
}
