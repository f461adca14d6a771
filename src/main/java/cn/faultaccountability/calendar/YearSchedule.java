package cn.faultaccountability.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One year's holiday schedule as published by the General Office of the State Council (SPEC §3).
 *
 * @param origin where it was read from (shown to administrators)
 * @param holidays each day off with its holiday's name
 * @param makeUpWorkdays each Saturday/Sunday worked with the holiday it makes up for
 */
public record YearSchedule(int year, String source, Map<LocalDate, String> holidays,
    Map<LocalDate, String> makeUpWorkdays, String origin) {

  public YearSchedule {
    holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
    makeUpWorkdays = Collections.unmodifiableMap(new TreeMap<>(makeUpWorkdays));
  }
}
