package cn.faultaccountability.calendar;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings {@code accountability.calendar.*} (application.yaml).
 *
 * @param dir the administrators' calendar folder (env {@code CALENDAR_DIR}): its {@code <year>.yaml} files override or
 *     add to the ones shipped in the jar and are re-read when they change
 * @param zone the time zone in which a timer's start instant is a calendar day (the jurisdictions are in China)
 * @param timerFiresAt time of day, on the day after a period's last day, at which a duration timer fires
 */
@ConfigurationProperties(prefix = "accountability.calendar")
public record CalendarProperties(
    @DefaultValue("./calendar") String dir,
    @DefaultValue("Asia/Shanghai") String zone,
    @DefaultValue("00:00") String timerFiresAt) {

  public Path directory() {
    return Path.of(dir);
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  public LocalTime timerTime() {
    return LocalTime.parse(timerFiresAt);
  }
}
