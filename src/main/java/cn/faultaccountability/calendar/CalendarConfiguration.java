package cn.faultaccountability.calendar;

import java.time.Clock;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

  @Bean
  public CalendarStore calendarStore(CalendarProperties properties) {
    return new CalendarStore(CalendarStore.SHIPPED, properties.directory(), Clock.system(properties.zoneId()));
  }

  @Bean
  public DueDateCalculator dueDateCalculator(CalendarStore store) {
    return new DueDateCalculator(store);
  }

  /** Collected by the Camunda starter like every ProcessEnginePlugin bean. */
  @Bean
  public CalendarEnginePlugin calendarEnginePlugin(DueDateCalculator calculator, CalendarProperties properties) {
    return new CalendarEnginePlugin(
        new StatutoryDurationCalendar(calculator, properties.zoneId(), properties.timerTime()));
  }

  /** Health contributor {@code calendar}. */
  @Bean
  public CalendarHealthIndicator calendarHealthIndicator(CalendarStore store) {
    return new CalendarHealthIndicator(store);
  }

  @Bean
  public StatutoryDeadlines statutoryDeadlines(RepositoryService repositoryService, DecisionService decisionService,
      IdentityService identityService) {
    return new StatutoryDeadlines(repositoryService, decisionService, identityService);
  }
}
