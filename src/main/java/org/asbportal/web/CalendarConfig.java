package org.asbportal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The partnership's calendar: its time zone and the bank holidays that are not working days. */
@ConfigMapping(prefix = "asb.calendar")
public interface CalendarConfig {

    /** The partnership's time zone: working days and "today" are counted in it. */
    @WithDefault("Europe/London")
    ZoneId zone();

    /** Bank holidays, which are not working days (ISO dates, comma separated). */
    Optional<List<LocalDate>> bankHolidays();
}
