package org.asbportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How long a sign-in waits after failures in a row, under the default rules. */
class SignInDelayTest {

    private final SignInDelay delay = new SignInDelay(new StaffSecurityConfig() {
        @Override
        public int maxFailedLogins() {
            return 5;
        }

        @Override
        public int slowAfter() {
            return 3;
        }

        @Override
        public Duration slowDown() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration maxSlowDown() {
            return Duration.ofSeconds(8);
        }

        @Override
        public Duration lockout() {
            return Duration.ofMinutes(1);
        }

        @Override
        public Duration maxLockout() {
            return Duration.ofMinutes(30);
        }

        @Override
        public int maxFailuresPerClient() {
            return 20;
        }

        @Override
        public int maxFailuresPerClientAccount() {
            return 5;
        }

        @Override
        public Duration clientWindow() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Duration sessionMaxAge() {
            return Duration.ofHours(12);
        }

        @Override
        public boolean secureCookie() {
            return true;
        }
    }, null, null);

    @Test
    void fewerThanThreeFailuresDoNotWait() {
        assertEquals(Duration.ZERO, delay.delayFor(0));
        assertEquals(Duration.ZERO, delay.delayFor(2));
    }

    @Test
    void waitDoublesWithEveryFailureFromTheThird() {
        assertEquals(Duration.ofSeconds(1), delay.delayFor(3));
        assertEquals(Duration.ofSeconds(2), delay.delayFor(4));
        assertEquals(Duration.ofSeconds(4), delay.delayFor(5));
    }

    @Test
    void waitIsCappedHoweverManyFailures() {
        assertEquals(Duration.ofSeconds(8), delay.delayFor(6));
        assertEquals(Duration.ofSeconds(8), delay.delayFor(1000));
    }
}
