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

    /**
     * Whose bank holidays are not working days: {@code england-and-wales}, {@code scotland} or
     * {@code northern-ireland}, as GOV.UK names them. The dates are reference data administrators
     * keep at /admin/bank-holidays (GOV.UK's published ones to 2028 are there from the start).
     */
    @WithDefault("england-and-wales")
    BankHolidayDivision division();

    /** Further days that are not working days, on top of the division's bank holidays (ISO dates, comma separated). */
    Optional<List<LocalDate>> bankHolidays();
}
