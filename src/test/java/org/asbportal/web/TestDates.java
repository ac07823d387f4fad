package org.asbportal.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Dates for tests. Tests whose dates matter fix the portal's clock ({@link TestClock}) at
 * {@link #NOW} and take their own dates from it, so no test can fail because a day, a month or a
 * year turned between what the test computed and what the portal computed a moment later.
 * Fixtures shared with tests that leave the clock alone read {@link #clockNow()}: whatever the
 * portal's clock says.
 */
public final class TestDates {

    /**
     * Wednesday 11 March 2026, 10:30 in London (GMT, so also 10:30 UTC): a working day in the
     * middle of the week and of the month, mid-morning, a fortnight clear of the clocks going
     * forward (29 March) and far from any month's or year's end.
     */
    public static final Instant NOW = Instant.parse("2026-03-11T10:30:00Z");

    /** The partnership's time zone, in which "today" is counted. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private TestDates() {
    }

    /** The day {@link #NOW} falls on in London: Wednesday 11 March 2026. */
    public static LocalDate today() {
        return LocalDate.ofInstant(NOW, LONDON);
    }

    /** The month {@link #NOW} falls in, as the ward figures count months (UTC): March 2026. */
    public static YearMonth month() {
        return YearMonth.from(NOW.atZone(ZoneOffset.UTC));
    }

    /**
     * The moment the portal's clock reads: the {@link TestClock} bean while the portal runs (fixed
     * or not), the system's time otherwise (plain unit tests).
     */
    public static Instant clockNow() {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            return container.instance(TestClock.class).get().instant();
        }
        return Instant.now();
    }

    /** Today in London by the portal's clock (see {@link #clockNow()}). */
    public static LocalDate clockToday() {
        return LocalDate.ofInstant(clockNow(), LONDON);
    }
}
