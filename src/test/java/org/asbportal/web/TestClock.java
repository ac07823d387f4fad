package org.asbportal.web;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock every test run's portal reads (it replaces the system clock bean): the system's time
 * unless a test fixes it with {@link #fixAt(Instant)}; {@link #useSystemTime()} goes back.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    /** From now on the portal reads this moment. */
    public void fixAt(Instant instant) {
        this.fixed = instant;
    }

    /** From now on the portal reads the system's time again. */
    public void useSystemTime() {
        this.fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
