package org.asbportal.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Attempts in a row on one account first slow, then lock it for a while, twice as long at each
 * further lock; attempts arriving together are counted one by one. Locked and deactivated accounts
 * are refused. (The limits per client address are in ClientThrottleTest.)
 */
@QuarkusTest
@TestProfile(LoginThrottleTest.DefaultLockout.class)
class LoginThrottleTest {

    /** The portal's clock, against which locks are set and checked. */
    @Inject
    TestClock clock;

    /** Slowed from the third failure in a row, locked at the fifth attempt, for a minute and then two. */
    public static class DefaultLockout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asb.staff.max-failed-logins", "5", "asb.staff.slow-after", "3", "asb.staff.slow-down", "PT1S",
                    "asb.staff.lockout", "PT1M", "asb.staff.max-lockout", "PT2M");
        }
    }

    private static final String PASSWORD = "a-long-test-password";

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

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

    private static StaffAccount account(String username) {
        return QuarkusTransaction.requiringNew().call(() -> StaffAccount.findByUsername(username).orElseThrow());
    }

    private static long millisToAnswer(String username, String password) {
        long start = System.nanoTime();
        status(username, password);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static int status(String username, String password) {
        return given().auth().preemptive().basic(username, password).when().get("/api/v1/queues").statusCode();
    }

    /** Signs in with the form: true when the form sent them on to their work. */
    private static boolean signsIn(String username, String password) {
        Response response = StaffSession.submitSignIn(username, password);
        assertEquals(302, response.statusCode(), response.asString());
        return response.header("Location").endsWith("/staff/start");
    }

    @Test
    void fiveAttemptsWithoutTheRightPasswordLockTheAccountEvenForTheRightPassword() {
        String username = newAccount(true);
        assertEquals(200, status(username, PASSWORD));

        for (int i = 0; i < 5; i++) {
            assertEquals(401, status(username, "wrong-" + i));
        }

        Instant lockedUntil = account(username).lockedUntil;
        assertTrue(lockedUntil != null && lockedUntil.isAfter(clock.instant()), "locked for a while");
        assertEquals(401, status(username, PASSWORD));
        assertTrue(!signsIn(username, PASSWORD), "the form is refused too");
    }

    /**
     * 24 sign-ins, 8 at a time: the last 4 with the right password, each sent only once at least 12
     * wrong ones have been answered. No more than five passwords are checked before the lock, so none
     * of them gets in, and the account is locked once.
     */
    @Test
    void aBurstOfAttemptsIsCountedOneByOneAndLocksTheAccountOnce() throws Exception {
        String username = newAccount(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                String password = i < 20 ? "wrong-" + i : PASSWORD;
                answers.add(pool.submit(() -> signsIn(username, password)));
            }
            for (Future<Boolean> answer : answers) {
                assertTrue(!answer.get(), "refused");
            }
        } finally {
            pool.shutdownNow();
        }

        StaffAccount account = account(username);
        assertEquals(1, account.lockouts, "locked once");
        assertTrue(account.lockedUntil != null && account.lockedUntil.isAfter(clock.instant()), "locked");
        assertEquals(0, account.failedLogins, "the attempts refused while locked are not counted against the next lock");
        assertTrue(!signsIn(username, PASSWORD), "the right password is refused while locked");
    }

    @Test
    void aLockLastsAMinuteThenTwiceAsLongAndTheRightPasswordClearsIt() {
        String username = newAccount(true);
        Instant start = clock.instant();
        clock.fixAt(start);
        for (int i = 0; i < 5; i++) {
            status(username, "wrong-" + i);
        }
        assertEquals(401, status(username, PASSWORD), "locked");

        clock.fixAt(start.plus(Duration.ofMinutes(1)).plusSeconds(1));
        for (int i = 0; i < 5; i++) {
            status(username, "wrong-again-" + i);
        }
        Instant second = clock.instant();
        clock.fixAt(second.plus(Duration.ofMinutes(1)).plusSeconds(1));
        assertEquals(401, status(username, PASSWORD), "the second lock lasts two minutes");

        clock.fixAt(second.plus(Duration.ofMinutes(2)).plusSeconds(1));
        assertEquals(200, status(username, PASSWORD), "open again");
        StaffAccount account = account(username);
        assertEquals(0, account.failedLogins);
        assertEquals(0, account.lockouts);
        assertNull(account.lockedUntil);
    }

    @Test
    void aLockDoesNotEndASessionAlreadySignedIn() {
        String username = newAccount(true);
        StaffSession browser = StaffSession.signIn(username, PASSWORD);

        for (int i = 0; i < 5; i++) {
            status(username, "wrong-" + i);
        }

        assertTrue(account(username).lockedUntil != null, "locked");
        browser.get("/staff").then().statusCode(200);
    }

    @Test
    void deactivatedAccountIsRefusedWithTheRightPassword() {
        String username = newAccount(false);

        assertEquals(401, status(username, PASSWORD));
        assertTrue(!signsIn(username, PASSWORD));
    }

    @Test
    void successfulSignInClearsEarlierFailures() {
        String username = newAccount(true);
        for (int i = 0; i < 3; i++) {
            status(username, "wrong-" + i);
        }
        assertEquals(200, status(username, PASSWORD));
        assertEquals(0, account(username).failedLogins);
        for (int i = 0; i < 3; i++) {
            status(username, "wrong-again-" + i);
        }

        assertEquals(200, status(username, PASSWORD), "3 + 3 failures with a success between do not lock");
    }

    @Test
    void fromTheThirdFailureInARowEveryAttemptWaitsLongerEvenTheRightPassword() {
        String username = newAccount(true);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, status(username, "wrong-" + i));
        }
        assertEquals(3, account(username).failedLogins);

        long slowed = millisToAnswer(username, "wrong-3");
        long slowedMore = millisToAnswer(username, PASSWORD);

        assertTrue(slowed >= 1000, "third failure in a row: the next attempt waits a second, took " + slowed + " ms");
        assertTrue(slowedMore >= 2000, "fourth: two seconds, took " + slowedMore + " ms");
    }
}
