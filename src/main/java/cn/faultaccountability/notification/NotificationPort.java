package cn.faultaccountability.notification;

import java.util.Date;

/** Where notices to staff, complainants and respondents go (SMTP in a deployment, the log in the embedded default). */
public interface NotificationPort {

  /** YELLOW: the responsible group of the case's tenant is reminded that a deadline is near. */
  void deadlineReminder(String tenantId, String businessKey, String stage, Date lapsesAt);

  /** The complainant or reporter is told the outcome or why no case was filed (Jilin 15, Changzhou 28). */
  void notifyComplainant(String tenantId, String businessKey, String contact, String message);
}
