package org.asbportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.asbportal.web.TestClock;

/**
 * The first administrator of a new database comes from ASB_ADMIN_USERNAME / ASB_ADMIN_PASSWORD, as a
 * production replica starts: the account is created whole (a new database has no account to update).
 */
@QuarkusTest
class AdminBootstrapTest {

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    TestClock clock;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void anAdministratorNamedByTheEnvironmentIsCreatedAndCanSignIn() {
        Instant now = Instant.parse("2026-12-06T09:00:00Z");
        clock.fixAt(now);
        String username = "first-admin-" + UUID.randomUUID().toString().substring(0, 8);

        bootstrap.ensure(username, "first-admin-password-2026");

        StaffAccount account = QuarkusTransaction.requiringNew()
                .call(() -> StaffAccount.findByUsername(username).orElseThrow());
        assertEquals(now, account.createdAt);
        assertTrue(account.hasRole(Role.ADMIN));
        assertNotNull(StaffSession.signIn(username, "first-admin-password-2026"));
    }

    @Test
    void startingAgainWithTheSamePasswordKeepsTheAccount() {
        String username = "same-admin-" + UUID.randomUUID().toString().substring(0, 8);
        bootstrap.ensure(username, "same-admin-password-2026");
        Instant created = QuarkusTransaction.requiringNew()
                .call(() -> StaffAccount.findByUsername(username).orElseThrow().createdAt);

        bootstrap.ensure(username, "same-admin-password-2026");

        StaffAccount account = QuarkusTransaction.requiringNew()
                .call(() -> StaffAccount.findByUsername(username).orElseThrow());
        assertEquals(created, account.createdAt);
        assertNotNull(StaffSession.signIn(username, "same-admin-password-2026"));
    }
}
