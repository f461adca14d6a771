package cn.faultaccountability.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells, once the system is up, where to log in. */
@Component
public class LoginHint {

  private static final Logger LOG = LoggerFactory.getLogger(LoginHint.class);

  private final Environment environment;
  private final AccountabilityProperties properties;

  public LoginHint(Environment environment, AccountabilityProperties properties) {
    this.environment = environment;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void printWhereToLogIn() {
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    String login = properties.demoUsers()
        ? "登录 / login: demo / demo（管理员）；各辖区各角色 <辖区>-<角色> / demo，例如 jinan-intake-clerk / demo"
        : "登录 / login: " + properties.adminUser() + "（密码取自 ADMIN_PASSWORD）";
    LOG.info("""

        ==============================================================
          行政执法过错责任追究系统已启动 / system is up
          任务列表 Tasklist   {}/camunda/app/tasklist/
          运维监控 Cockpit    {}/camunda/app/cockpit/
          用户管理 Admin      {}/camunda/app/admin/
          引擎 REST API       {}/engine-rest  （HTTP Basic）
          案件 API            {}/api
          管理看板 Dashboard  {}/dashboard
          {}
        ==============================================================""",
        base, base, base, base, base, base, login);
  }
}
