package org.asbportal.web;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jboss.logging.Logger;

/**
 * The migration mode of a release (ASB_MIGRATE_ONLY=true): once started, which is after Flyway has
 * migrated at start, the portal checks that no migration is left pending and exits, 0 if so and 1
 * if not (migration at start off, or a migration that did not apply). A Kubernetes Job runs the
 * image this way once per release, so that one process migrates: Flyway's lock is MariaDB's
 * GET_LOCK, which a Galera cluster does not share between its nodes.
 */
@ApplicationScoped
public class MigrateOnly {

    private static final Logger LOG = Logger.getLogger(MigrateOnly.class);

    @Inject
    MigrateOnlyConfig config;

    @Inject
    Flyway flyway;

    /** Last of the start-up observers, so whatever else runs at start has run. */
    void onStart(@Observes @Priority(10_000) StartupEvent start) {
        if (!config.migrateOnly()) {
            return;
        }
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length > 0) {
            LOG.errorf("Migration only (ASB_MIGRATE_ONLY): %d migrations still pending (%s); is "
                    + "QUARKUS_FLYWAY_MIGRATE_AT_START true?", pending.length, Arrays.stream(pending)
                    .map(info -> String.valueOf(info.getVersion())).collect(Collectors.joining(", ")));
            Quarkus.asyncExit(1);
            return;
        }
        MigrationInfo current = flyway.info().current();
        LOG.infof("Migration only (ASB_MIGRATE_ONLY): the database is at version %s; exiting",
                current == null ? "none" : current.getVersion());
        Quarkus.asyncExit(0);
    }
}
