package cn.faultaccountability;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 行政执法过错责任追究 — case handling on Camunda 7. */
@SpringBootApplication
public class FaultAccountabilityApplication {

  public static void main(String[] args) {
    SpringApplication.run(FaultAccountabilityApplication.class, args);
  }
}
