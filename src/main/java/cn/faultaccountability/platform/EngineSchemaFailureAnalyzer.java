package cn.faultaccountability.platform;

import cn.faultaccountability.platform.EngineSchemaCheck.EngineSchemaException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The engine tables' problem and the command that fixes it, without a stack trace. */
public class EngineSchemaFailureAnalyzer extends AbstractFailureAnalyzer<EngineSchemaException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EngineSchemaException cause) {
    String action = cause.command() == null
        ? "见 docs/operations.md「引擎数据库表」/ see docs/operations.md"
        : "以相同的数据库设置（DB_URL、DB_USER、DB_PASSWORD）运行 " + cause.command() + "，然后重新启动（见 docs/operations.md）。"
            + "Run " + cause.command() + " with the same database settings, then start again.";
    return new FailureAnalysis(cause.getMessage(), action, cause);
  }
}
