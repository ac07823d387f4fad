package org.asbportal.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in failures counted by client address: one address may fail fewer times at an account than
 * lock it, and only so many times in all; locking an account takes several addresses, and the lock
 * holds for all of them. The portal sits behind a proxy here, which gives the client's address.
 */
@QuarkusTest
@TestProfile(BehindProxyProfile.class)
class ClientThrottleTest {

    @Inject
    TestClock clock;

    private static final String PASSWORD = "a-long-test-password";
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

    /** A documentation address (RFC 5737) no other test here uses. */
    private static String client() {
        return "198.51.100." + NEXT_CLIENT.getAndIncrement();
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    private static String newAccount() {
        String username = "client-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            StaffAccount account = new StaffAccount();
            account.username = username;
            account.setPassword(PASSWORD);
            account.displayName = "Client Throttle Test";
            account.roles = Role.TRIAGE_OFFICER;
            account.organisation = Organisation.findByCode("PARTNERSHIP").orElseThrow();
            account.createdAt = TestDates.clockNow();
            account.persist();
        });
        return username;
    }

    private static StaffAccount account(String username) {
        return QuarkusTransaction.requiringNew().call(() -> StaffAccount.findByUsername(username).orElseThrow());
    }


    private static boolean signsIn(String client, String username, String password) {
        Response response = given().header("X-Forwarded-For", client).contentType("application/x-www-form-urlencoded")
                .accept("text/html").redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
        assertEquals(302, response.statusCode(), response.asString());
        return response.header("Location").endsWith("/staff/start");
    }

    @Test
    void oneAddressCannotLockAnAccountAndTheOwnerStillSignsIn() {
        String username = newAccount();
        String attacker = client();

        for (int i = 0; i < 12; i++) {
            assertTrue(!signsIn(attacker, username, "wrong-" + i));
        }

        assertTrue(!signsIn(attacker, username, PASSWORD), "the address that failed five times is refused");
        assertNull(account(username).lockedUntil, "the account is not locked");
        assertEquals(5, account(username).failedLogins, "five of its passwords were checked");
        assertTrue(signsIn(client(), username, PASSWORD), "its owner signs in");
    }

    @Test
    void oneAddressFailingAtManyAccountsIsRefusedForEveryAccount() {
        String client = client();
        for (int i = 0; i < 4; i++) {
            String someone = newAccount();
            assertTrue(!signsIn(client, someone, "wrong-a"));
            assertTrue(!signsIn(client, someone, "wrong-b"));
        }
        String username = newAccount();

        assertTrue(!signsIn(client, username, PASSWORD), "eight failures from one address: refused for a while");
        assertTrue(signsIn(client(), username, PASSWORD), "another address is not");

        clock.fixAt(clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertTrue(signsIn(client, username, PASSWORD), "the address may try again after the window");
    }

    @Test
    void twoAddressesLockAnAccountForAMinuteForEveryone() {
        String username = newAccount();
        Instant start = clock.instant();
        clock.fixAt(start);
        String first = client();
        String second = client();
        for (int i = 0; i < 5; i++) {
            signsIn(first, username, "wrong-" + i);
            signsIn(second, username, "wrong-" + i);
        }

        String owner = client();
        assertTrue(!signsIn(owner, username, PASSWORD), "locked for every address");

        clock.fixAt(start.plus(Duration.ofMinutes(1)).plusSeconds(1));
        assertTrue(signsIn(owner, username, PASSWORD), "for a minute");
    }

    @Test
    void anIpv6ClientIsItsWholeNetwork() {
        String username = newAccount();
        for (int i = 0; i < 5; i++) {
            signsIn("[2001:db8:1:2::" + Integer.toHexString(i + 1) + "]", username, "wrong-" + i);
        }

        assertTrue(!signsIn("[2001:db8:1:2::ff]", username, PASSWORD), "another address of the same /64");
        assertTrue(signsIn("[2001:db8:1:3::1]", username, PASSWORD), "another network");
    }

    /**
     * A script sending a dozen requests at once with the right password: the attempts counted while
     * their passwords are checked lock nothing, and once answered none is left counted against the
     * account or the address (those refused for a moment, if any, are taken back too).
     */
    @Test
    void requestsWithTheRightPasswordAtOnceLeaveNothingCounted() throws Exception {
        String username = newAccount();
        String script = client();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit(() -> given().header("X-Forwarded-For", script).auth().preemptive()
                        .basic(username, PASSWORD).get("/api/v1/queues").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 200 || status == 401, "answered " + status);
            }
        } finally {
            pool.shutdownNow();
        }

        StaffAccount account = account(username);
        assertEquals(0, account.failedLogins);
        assertNull(account.lockedUntil);
        for (int i = 0; i < 6; i++) {
            assertEquals(200, given().header("X-Forwarded-For", script).auth().preemptive().basic(username, PASSWORD)
                    .get("/api/v1/queues").statusCode(), "nothing left counted against the address");
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(!signsIn(script, username, "wrong-" + i));
        }
        assertTrue(signsIn(script, username, PASSWORD), "four failures of five");
    }
}
