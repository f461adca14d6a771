package cn.faultaccountability.notification;

import static cn.faultaccountability.testsupport.CaseDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.testsupport.CaseDriver;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notices by e-mail ({@code accountability.notification.channel=smtp}) against an in-process SMTP server: the
 * complainant told why no case was filed (Changzhou 28) by e-mail, or — with a phone number — a task for the intake
 * clerks; the YELLOW deadline reminder to the responsible group's members.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:smtp-test;DB_CLOSE_DELAY=-1",
    "accountability.notification.channel=smtp", "accountability.notification.from=noreply@faultaccountability.cn"})
class SmtpNotificationTest {

  static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @AfterAll
  static void stop() {
    SMTP.stop();
  }

  @Autowired CaseDriver driver;
  @Autowired NotificationPort port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  @BeforeEach
  void clean() throws Exception {
    SMTP.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void clock() {
    driver.resetClock();
  }

  @Test
  void smtpChannelIsTheOneInUse() {
    assertThat(port).isInstanceOf(SmtpNotificationPort.class);
  }

  @Test
  void complainantWithAnEmailAddressIsToldWhyNoCaseWasFiled() throws Exception {
    String key = notFiled("常州市邮件告知测试局", "complainant@example.cn");
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("complainant@example.cn");
    assertThat(mail.getFrom()[0]).hasToString("noreply@faultaccountability.cn");
    assertThat(mail.getSubject()).contains("常州市", key);
    assertThat((String) mail.getContent()).contains("经核查决定不予立案", "不属于行政执法过错情形");
    assertThat(driver.history(key)).contains("COMPLAINANT_NOTIFIED").doesNotContain("COMPLAINANT_CALL_NEEDED");
  }

  @Test
  void complainantWithAPhoneNumberBecomesACallTaskForTheIntakeClerks() {
    String key = notFiled("常州市电话告知测试局", "0519-8888 6666");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(driver.history(key)).contains("COMPLAINANT_CALL_NEEDED").doesNotContain("COMPLAINANT_NOTIFIED");
    List<Task> calls = driver.as("changzhou-intake-clerk", () -> taskService.createTaskQuery()
        .taskNameLike(ManualNotices.TASK_NAME + "（" + key + "）").list());
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).getTenantId()).isEqualTo("changzhou");
    assertThat(calls.get(0).getDescription()).contains("0519-8888 6666", "不属于行政执法过错情形");
    // not another jurisdiction's work
    assertThat(driver.as("jilin-intake-clerk", () -> taskService.createTaskQuery()
        .taskNameLike(ManualNotices.TASK_NAME + "（" + key + "）").count())).isZero();
  }

  @Test
  void yellowReminderIsMailedToTheResponsibleGroupsMembers() throws Exception {
    User investigator = identityService.createUserQuery().userId("changzhou-investigator").singleResult();
    investigator.setEmail("investigator@changzhou.example.cn");
    identityService.saveUser(investigator);
    try {
      driver.today(LocalDate.of(2026, 9, 1));
      String key = driver.intake(driver.lead("changzhou", "常州市期限提醒测试局", Map.of()));
      LocalDate warn = (LocalDate) driver.deadline(key, "PRELIMINARY_CHECK").get("warnFrom");
      driver.today(warn);
      assertThat(driver.fireDueTimers(key)).contains("PreliminaryCheckDeadlineWarning");
      MimeMessage[] received = SMTP.getReceivedMessages();
      assertThat(received).hasSize(1);
      assertThat(received[0].getAllRecipients()).extracting(Object::toString)
          .containsExactly("investigator@changzhou.example.cn");
      assertThat(received[0].getSubject()).contains("期限提醒", key);
      assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
      assertThat(driver.history(key)).contains("DEADLINE_REMINDED");
    } finally {
      investigator.setEmail(null);
      identityService.saveUser(investigator);
    }
  }

  @Test
  void groupWithoutAnyEmailAddressIsReportedNotSilentlySkipped() {
    Delivery delivery = port.deadlineReminder("mingshan", "MINGSHAN-2026-00001", "EXECUTION_REPORT", new Date(),
        "mingshan-unit-liaison");
    assertThat(delivery.status()).isEqualTo(Delivery.Status.NO_RECIPIENT);
    assertThat(delivery.describe()).contains("没有可发送的电子邮件地址");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  private String notFiled(String unit, String contact) {
    driver.today(LocalDate.of(2026, 9, 1));
    String key = driver.intake(driver.lead("changzhou", unit, Map.of("complainantContact", contact)));
    driver.complete(key, "PreliminaryCheck", "investigator",
        vars("checkOutcome", "NOT_FILE", "notFiledReason", "不属于行政执法过错情形"));
    assertThat(driver.ended(key)).isTrue();
    return key;
  }
}
