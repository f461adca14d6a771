package cn.faultaccountability.notification;

import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The embedded default: notices are written to the log (and the case history records that they were sent). */
@Component
public class LogNotificationPort implements NotificationPort {

  private static final Logger LOG = LoggerFactory.getLogger(LogNotificationPort.class);

  @Override
  public void deadlineReminder(String tenantId, String businessKey, String stage, Date lapsesAt) {
    LOG.info("期限提醒 [{}] 案件 {} 阶段 {} 将于 {} 超期", tenantId, businessKey, stage, lapsesAt);
  }

  @Override
  public void notifyComplainant(String tenantId, String businessKey, String contact, String message) {
    LOG.info("告知投诉人 [{}] 案件 {} 联系方式 {}：{}", tenantId, businessKey, contact, message);
  }
}
