package cn.faultaccountability.calendar;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health {@code calendar}: stays UP — deadlines are still computed, provisionally — but lists years without calendar
 * data and refused files with a Chinese warning for administrators (SPEC §3), until the year's file exists.
 */
public class CalendarHealthIndicator implements HealthIndicator {

  private final CalendarStore store;

  public CalendarHealthIndicator(CalendarStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    CalendarStore.CalendarStatus status = store.status();
    Health.Builder health = Health.up()
        .withDetail("years", status.years().stream().map(CalendarStore.CalendarStatus.LoadedYear::year).toList())
        .withDetail("missingYears", status.missingYears())
        .withDetail("directory", status.externalDir());
    if (!status.rejectedFiles().isEmpty()) {
      health.withDetail("rejectedFiles", status.rejectedFiles());
    }
    if (status.warning() != null) {
      health.withDetail("warning", status.warning());
    }
    return health.build();
  }
}
