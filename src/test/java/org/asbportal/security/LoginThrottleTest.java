package org.asbportal.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.Test;

/**
 * Repeated failed sign-ins first slow, then lock an account for a while; locked and deactivated
 * accounts are refused.
 */
@QuarkusTest
@TestProfile(LoginThrottleTest.DefaultLockout.class)
class LoginThrottleTest {

    /** The portal's clock (the system's time here), against which the lock is checked. */
    @Inject
    TestClock clock;

    /** The production rules: slowed from the third failure in a row, locked at the fifth. */
    public static class DefaultLockout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asb.staff.max-failed-logins", "5", "asb.staff.slow-after", "3", "asb.staff.slow-down", "PT1S");
        }
    }

    private static final String PASSWORD = "a-long-test-password";

    private static String newAccount(boolean active) {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            StaffAccount account = new StaffAccount();
            account.username = username;
            account.setPassword(PASSWORD);
            account.displayName = "Throttle Test";
            account.roles = Role.TRIAGE_OFFICER;
            account.organisation = Organisation.findByCode("PARTNERSHIP").orElseThrow();
            account.active = active;
            account.createdAt = TestDates.clockNow();
            account.persist();
        });
        return username;
    }

    private static Instant lockedUntil(String username) {
        return QuarkusTransaction.requiringNew().call(() -> StaffAccount.findByUsername(username).orElseThrow().lockedUntil);
    }

    private static int failures(String username) {
        return QuarkusTransaction.requiringNew().call(() -> StaffAccount.findByUsername(username).orElseThrow().failedLogins);
    }

    /** Failures are counted as they are reported, just after each response. */
    private static void awaitFailures(String username, int count) throws InterruptedException {
        for (int i = 0; i < 50 && failures(username) < count; i++) {
            Thread.sleep(100);
        }
        assertEquals(count, failures(username), "failures counted");
    }

    private static long millisToAnswer(String username, String password) {
        long start = System.nanoTime();
        status(username, password);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static int status(String username, String password) {
        return given().auth().preemptive().basic(username, password).when().get("/api/v1/queues").statusCode();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws InterruptedException {
        String username = newAccount(true);
        assertEquals(200, status(username, PASSWORD));

        for (int i = 0; i < 5; i++) {
            assertEquals(401, status(username, "wrong-" + i));
        }
        // Failures are counted as they are reported, just after each response.
        for (int i = 0; i < 50 && lockedUntil(username) == null; i++) {
            Thread.sleep(100);
        }

        assertTrue(lockedUntil(username) != null && lockedUntil(username).isAfter(clock.instant()), "locked for a while");
        assertEquals(401, status(username, PASSWORD));
    }

    @Test
    void deactivatedAccountIsRefusedWithTheRightPassword() {
        String username = newAccount(false);

        assertEquals(401, status(username, PASSWORD));
    }

    @Test
    void successfulSignInClearsEarlierFailures() throws InterruptedException {
        String username = newAccount(true);
        for (int i = 0; i < 3; i++) {
            status(username, "wrong-" + i);
        }
        Thread.sleep(500);
        assertEquals(200, status(username, PASSWORD));
        Thread.sleep(500);
        for (int i = 0; i < 3; i++) {
            status(username, "wrong-again-" + i);
        }
        Thread.sleep(500);

        assertEquals(200, status(username, PASSWORD), "3 + 3 failures with a success between do not lock");
    }

    @Test
    void fromTheThirdFailureInARowEveryAttemptWaitsLongerEvenTheRightPassword() throws InterruptedException {
        String username = newAccount(true);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, status(username, "wrong-" + i));
        }
        awaitFailures(username, 3);

        long slowed = millisToAnswer(username, "wrong-3");
        awaitFailures(username, 4);
        long slowedMore = millisToAnswer(username, PASSWORD);

        assertTrue(slowed >= 1000, "third failure in a row: the next attempt waits a second, took " + slowed + " ms");
        assertTrue(slowedMore >= 2000, "fourth: two seconds, took " + slowedMore + " ms");
    }
}
