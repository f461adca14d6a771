package cn.faultaccountability.platform;

import cn.faultaccountability.platform.ProductionSettingsCheck.MissingProductionSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

public class MissingProductionSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSettingException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSettingException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "以环境变量设置上述各项后重新启动（见 README.md「生产部署」）。Set them as environment variables and start again.",
        cause);
  }
}
