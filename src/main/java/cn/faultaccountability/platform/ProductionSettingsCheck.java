package cn.faultaccountability.platform;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The production profile starts only with its database credentials and administrator password given: it has no
 * demo users and no default passwords, so a missing setting stops the start with a message naming it.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {

  static final List<String[]> REQUIRED = List.of(
      new String[] {"DB_URL", "数据库地址（JDBC URL），例如 jdbc:postgresql://db:5432/accountability"},
      new String[] {"DB_USER", "数据库用户名"},
      new String[] {"DB_PASSWORD", "数据库密码"},
      new String[] {"ADMIN_PASSWORD", "管理员（ADMIN_USER，默认 admin）的初始密码"});

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.matchesProfiles("prod")) {
      return;
    }
    StringBuilder missing = new StringBuilder();
    for (String[] setting : REQUIRED) {
      String value = environment.getProperty(setting[0]);
      if (value == null || value.isBlank()) {
        missing.append("\n  - ").append(setting[0]).append("：").append(setting[1]);
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingProductionSettingException(
          "生产配置（prod）缺少必需的设置，系统未启动 / production profile is missing required settings:" + missing);
    }
  }

  /** Reported by {@link MissingProductionSettingFailureAnalyzer} without a stack trace. */
  public static class MissingProductionSettingException extends IllegalStateException {
    public MissingProductionSettingException(String message) {
      super(message);
    }
  }
}
