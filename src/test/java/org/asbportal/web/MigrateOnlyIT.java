package org.asbportal.web;

import static org.asbportal.web.PackagedPortal.tail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged portal in migration mode, as the Kubernetes migration Job runs it (k8s/base/migrate-job.yaml):
 * with ASB_MIGRATE_ONLY=true it migrates an empty database to the newest migration and exits 0 by
 * itself; with migration at start off it exits 1 rather than report a database it left behind. A
 * replica as the Deployment runs it (migration off, validation on) will not start on a database the
 * Job has not migrated.
 *
 * <p>Runs the jar {@code package} builds, in a process of its own, against an emptied database of
 * its own next to the tests' one; skipped when there is no jar newer than the compiled classes.
 */
class MigrateOnlyIT {

    private static final String SECRET = "migrate-only-test-secret-not-for-production-0123456789";

    private String database;
    private Path log;
    private Process app;

    @BeforeEach
    void emptyDatabase() throws IOException, SQLException {
        assumeTrue(PackagedPortal.freshJar(), PackagedPortal.NOT_PACKAGED);
        database = PackagedPortal.emptyDatabase("_migrate");
        log = Files.createTempFile("migrate-only", ".log");
    }

    @AfterEach
    void stop() {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
    }

    @Test
    void migratesAnEmptyDatabaseToTheNewestMigrationAndExits() throws Exception {
        assertEquals(0, exitStatus(migrationJob("true")), "exit status\n" + tail(log));
        try (Connection connection = DriverManager.getConnection(database, "root", "");
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT MAX(CAST(version AS UNSIGNED)), SUM(success = 0) "
                        + "FROM flyway_schema_history WHERE version IS NOT NULL")) {
            rows.next();
            assertEquals(newestMigration(), rows.getInt(1), "the newest migration in migrations/ is applied");
            assertEquals(0, rows.getInt(2), "no migration failed");
        }
    }

    @Test
    void exitsWithFailureWhenMigrationAtStartIsOff() throws Exception {
        assertEquals(1, exitStatus(migrationJob("false")), "exit status\n" + tail(log));
        assertTrue(Files.readString(log).contains("still pending"), "the log says what is wrong\n" + tail(log));
    }

    /**
     * A replica as the Deployment runs it (migration off, validation on) against a database the
     * Job has not migrated: it stops at start instead of serving on a schema behind its code, so a
     * rollout waits for the Job while the previous release keeps serving.
     */
    @Test
    void aReplicaRefusesToStartOnADatabaseTheJobHasNotMigrated() throws Exception {
        ProcessBuilder replica = PackagedPortal.command(log, PackagedPortal.freePort());
        Map<String, String> env = replica.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database);
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        env.put("QUARKUS_FLYWAY_VALIDATE_AT_START", "true");
        env.put("ASB_SECRET", SECRET);

        assertNotEquals(0, exitStatus(replica), "exit status\n" + tail(log));
        assertTrue(Files.readString(log).contains("Validate failed"), "Flyway's validation stopped it\n" + tail(log));
    }

    /** The portal as the Job's pod runs it: migration only, validation off, no scheduled jobs. */
    private ProcessBuilder migrationJob(String migrateAtStart) throws IOException {
        ProcessBuilder job = PackagedPortal.command(log, PackagedPortal.freePort());
        Map<String, String> env = job.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database);
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", migrateAtStart);
        env.put("QUARKUS_FLYWAY_VALIDATE_AT_START", "false");
        env.put("QUARKUS_SCHEDULER_ENABLED", "false");
        env.put("ASB_MIGRATE_ONLY", "true");
        env.put("ASB_SECRET", SECRET);
        return job;
    }

    /** Starts the portal and waits for it to stop by itself. */
    private int exitStatus(ProcessBuilder portal) throws IOException, InterruptedException {
        app = portal.start();
        assertTrue(app.waitFor(120, TimeUnit.SECONDS), "the portal stops by itself\n" + tail(log));
        return app.exitValue();
    }

    private static int newestMigration() throws IOException {
        Pattern name = Pattern.compile("^V(\\d+)__.*\\.sql$");
        try (Stream<Path> files = Files.list(Path.of("migrations"))) {
            return files.map(file -> name.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                    .max().orElseThrow();
        }
    }
}
