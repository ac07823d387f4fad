package org.asbportal.web;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Calendars for plain unit tests, built from settings as the portal would read them. */
public final class Calendars {

    private Calendars() {
    }

    /** A calendar with these {@code asb.calendar.*} settings whose clock stands still at {@code now}. */
    public static Calendar calendar(Map<String, String> settings, Instant now) {
        CalendarConfig config = new SmallRyeConfigBuilder()
                .withMapping(CalendarConfig.class)
                .withDefaultValues(settings)
                .build()
                .getConfigMapping(CalendarConfig.class);
        return new Calendar(config, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A calendar with these settings, standing still at the start of 2026. */
    public static Calendar calendar(Map<String, String> settings) {
        return calendar(settings, Instant.parse("2026-01-01T12:00:00Z"));
    }
}
