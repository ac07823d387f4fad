package org.asbportal.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Creates or updates the first administrator from ASB_ADMIN_USERNAME / ASB_ADMIN_PASSWORD at start.
 * The settings are checked before the portal starts (a password too short stops it), but the account
 * is written beside the rest of start-up, not before it: its first query and the bcrypt check would
 * otherwise hold the replica out of service for over a second. A sign-in waits for it
 * ({@link #awaitDone}, from {@link SignInDelay}), so the administrator can sign in as soon as the
 * portal answers; a failure marks the replica not ready ({@link AdminBootstrapCheck}).
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final int MIN_PASSWORD = PasswordPolicy.MIN_LENGTH;

    private final StaffConfig config;
    private final StaffSessions sessions;
    private final Clock clock;

    public AdminBootstrap(StaffConfig config, StaffSessions sessions, Clock clock) {
        this.config = config;
        this.sessions = sessions;
        this.clock = clock;
    }

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    void onStart(@Observes StartupEvent start) {
        if (config.admin().username().isEmpty() || config.admin().password().isEmpty()) {
            done.complete(null);
            return;
        }
        String username = config.admin().username().get().strip();
        String password = config.admin().password().get();
        checkLength(password);
        Thread writer = new Thread(() -> {
            try {
                ensure(username, password);
                done.complete(null);
            } catch (RuntimeException e) {
                LOG.errorf(e, "The administrator account %s could not be written from the environment", username);
                done.completeExceptionally(e);
            }
        }, "admin-bootstrap");
        writer.setDaemon(true);
        writer.start();
    }

    /** Waits, at most {@code limit}, until the administrator of the environment is in the database. */
    void awaitDone(Duration limit) {
        try {
            done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Reported by the log and the readiness check; the sign-in goes on and is judged as usual.
        }
    }

    /** Whether writing the administrator failed (false while it is still under way). */
    boolean failed() {
        return done.isCompletedExceptionally();
    }

    /** The same rules as every staff password ({@link PasswordPolicy}): too short or too common stops the start. */
    private static void checkLength(String password) {
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalStateException("ASB_ADMIN_PASSWORD must be at least " + MIN_PASSWORD + " characters long");
        }
        PasswordPolicy.problem(password).ifPresent(problem -> {
            throw new IllegalStateException("ASB_ADMIN_PASSWORD is refused: " + problem);
        });
    }

    /** The administrator with this name and password: created on a new database, updated on one that has it. */
    @Transactional
    void ensure(String username, String password) {
        checkLength(password);
        StaffAccount admin = StaffAccount.findByUsername(username).orElseGet(StaffAccount::new);
        boolean created = admin.id == null;
        if (created) {
            admin.createdAt = clock.instant();
        }
        admin.username = username;
        boolean newPassword = admin.passwordHash == null || !BcryptUtil.matches(password, admin.passwordHash);
        if (newPassword) {
            admin.setPassword(password);
        }
        admin.roles = Role.ADMIN;
        admin.displayName = admin.displayName == null ? "Administrator" : admin.displayName;
        admin.organisation = Organisation.findByCode("PARTNERSHIP").orElseThrow();
        admin.active = true;
        admin.failedLogins = 0;
        admin.lockouts = 0;
        admin.lockedUntil = null;
        admin.persist();
        if (!created && newPassword) {
            // Signed in with the password the environment no longer gives: signed out.
            sessions.endAll(admin.id);
        }
        LOG.infof("Administrator account %s %s from the environment", username, created ? "created" : "updated");
    }
}
