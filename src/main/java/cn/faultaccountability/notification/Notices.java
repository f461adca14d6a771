package cn.faultaccountability.notification;

import cn.faultaccountability.calendar.DeadlineStage;
import cn.faultaccountability.platform.Jurisdiction;
import java.text.SimpleDateFormat;
import java.util.Date;

/** The wording of notices, shared by every channel. */
final class Notices {

  private Notices() {}

  static String reminderSubject(String businessKey, String stage) {
    return "【期限提醒】案件 " + businessKey + " " + stageName(stage) + "期限即将届满";
  }

  static String reminderBody(String tenantId, String businessKey, String stage, Date lapsesAt) {
    return tenantName(tenantId) + "行政执法过错责任追究案件 " + businessKey + " 的“" + stageName(stage) + "”期限将于 "
        + new SimpleDateFormat("yyyy-MM-dd HH:mm").format(lapsesAt) + " 届满（届时即为超期）。请在期限内办理，"
        + "并在任务列表中处理相关任务。\n\n此邮件由行政执法过错责任追究案件办理系统自动发送。";
  }

  static String complainantSubject(String tenantId, String businessKey) {
    return tenantName(tenantId) + "行政执法过错责任追究：您反映问题的处理情况（" + businessKey + "）";
  }

  static String complainantBody(String message) {
    return "您好：\n\n" + message + "\n\n此邮件由行政执法过错责任追究案件办理系统发送，请勿直接回复。";
  }

  private static String stageName(String stage) {
    try {
      return DeadlineStage.valueOf(stage).chineseName();
    } catch (IllegalArgumentException e) {
      return stage;
    }
  }

  private static String tenantName(String tenantId) {
    return Jurisdiction.byTenantId(tenantId).map(Jurisdiction::chineseName).orElse(tenantId);
  }
}
