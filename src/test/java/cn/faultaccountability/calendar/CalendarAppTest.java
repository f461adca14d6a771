package cn.faultaccountability.calendar;

import org.springframework.test.context.TestPropertySource;

/** The calendar in the running app on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:calendar-test;DB_CLOSE_DELAY=-1")
class CalendarAppTest extends AbstractCalendarAppTest {}
