package org.asbportal.web;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * Calendars for plain unit tests, built from settings as the portal would read them. They have no
 * database: the division's bank holidays are none unless a test gives them, so the only holidays are
 * the {@code asb.calendar.bank-holidays} a test sets (the portal's own calendar also skips the
 * division's bank holidays held in the database: see {@code CalendarBankHolidaysTest}).
 */
public final class Calendars {

    private Calendars() {
    }

    /** The {@code asb.calendar.*} settings as the portal reads them. */
    public static CalendarConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withMapping(CalendarConfig.class)
                .withDefaultValues(settings)
                .build()
                .getConfigMapping(CalendarConfig.class);
    }

    /** A calendar with these settings and these bank holidays of its division, whose clock stands still at {@code now}. */
    public static Calendar calendar(Map<String, String> settings, Set<LocalDate> bankHolidays, Instant now) {
        return new Calendar(config(settings), Clock.fixed(now, ZoneOffset.UTC), () -> bankHolidays);
    }

    /** A calendar with these {@code asb.calendar.*} settings whose clock stands still at {@code now}. */
    public static Calendar calendar(Map<String, String> settings, Instant now) {
        return calendar(settings, Set.of(), now);
    }

    /** A calendar with these settings, standing still at the start of 2026. */
    public static Calendar calendar(Map<String, String> settings) {
        return calendar(settings, Instant.parse("2026-01-01T12:00:00Z"));
    }
}
