package org.asbportal.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Creates or updates the first administrator from ASB_ADMIN_USERNAME / ASB_ADMIN_PASSWORD at start. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final int MIN_PASSWORD = 12;

    private final StaffConfig config;

    public AdminBootstrap(StaffConfig config) {
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (config.admin().username().isEmpty() || config.admin().password().isEmpty()) {
            return;
        }
        String username = config.admin().username().get().strip();
        String password = config.admin().password().get();
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalStateException("ASB_ADMIN_PASSWORD must be at least " + MIN_PASSWORD + " characters long");
        }
        StaffAccount admin = StaffAccount.findByUsername(username).orElseGet(StaffAccount::new);
        boolean created = admin.id == null;
        admin.username = username;
        admin.setPassword(password);
        admin.roles = Role.ADMIN;
        admin.displayName = admin.displayName == null ? "Administrator" : admin.displayName;
        admin.organisation = Organisation.findByCode("PARTNERSHIP").orElseThrow();
        admin.active = true;
        admin.failedLogins = 0;
        admin.lockedUntil = null;
        admin.persist();
        LOG.infof("Administrator account %s %s from the environment", username, created ? "created" : "updated");
    }
}
