package org.asbportal.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Creates or updates the first administrator from ASB_ADMIN_USERNAME / ASB_ADMIN_PASSWORD at start. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final int MIN_PASSWORD = 12;

    private final StaffConfig config;
    private final StaffSessions sessions;
    private final Clock clock;

    public AdminBootstrap(StaffConfig config, StaffSessions sessions, Clock clock) {
        this.config = config;
        this.sessions = sessions;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.admin().username().isEmpty() || config.admin().password().isEmpty()) {
            return;
        }
        ensure(config.admin().username().get().strip(), config.admin().password().get());
    }

    /** The administrator with this name and password: created on a new database, updated on one that has it. */
    @Transactional
    void ensure(String username, String password) {
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalStateException("ASB_ADMIN_PASSWORD must be at least " + MIN_PASSWORD + " characters long");
        }
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
