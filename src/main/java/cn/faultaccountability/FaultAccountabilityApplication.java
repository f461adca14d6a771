package cn.faultaccountability;

import cn.faultaccountability.decisions.DecisionTablesCommand;
import cn.faultaccountability.platform.EngineSchemaCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 行政执法过错责任追究 — case handling on Camunda 7. */
@SpringBootApplication
public class FaultAccountabilityApplication {

  public static void main(String[] args) {
    // `decisions check|deploy|rollback`: the decision-table command, without starting the application
    if (args.length > 0 && "decisions".equals(args[0])) {
      System.exit(DecisionTablesCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    // `schema check|create|upgrade`: the engine's tables (production starts with schema updates off)
    if (args.length > 0 && "schema".equals(args[0])) {
      System.exit(EngineSchemaCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(FaultAccountabilityApplication.class, args);
  }
}
