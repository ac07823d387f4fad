package org.asbportal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether this process only migrates the database and exits ({@link MigrateOnly}). */
@ConfigMapping(prefix = "asb")
public interface MigrateOnlyConfig {

    /**
     * ASB_MIGRATE_ONLY: start, let Flyway migrate the database (QUARKUS_FLYWAY_MIGRATE_AT_START=true),
     * then exit: 0 when no migration is left pending, 1 otherwise. The migration Job of a release runs
     * the portal this way once, while its replicas start with migration off.
     */
    @WithDefault("false")
    boolean migrateOnly();
}
