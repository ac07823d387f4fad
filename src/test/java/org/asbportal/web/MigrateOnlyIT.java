package org.asbportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged portal in migration mode, as the Kubernetes migration Job runs it (k8s/base/migrate-job.yaml):
 * with ASB_MIGRATE_ONLY=true it migrates an empty database to the newest migration and exits 0 by
 * itself; with migration at start off it exits 1 rather than report a database it left behind. A
 * replica as the Deployment runs it (migration off, validation on) will not start on a database the
 * Job has not migrated.
 *
 * <p>Runs the jar {@code package} builds, in a process of its own, against a database of its own
 * next to the tests' one; skipped when there is no jar newer than the compiled classes.
 */
class MigrateOnlyIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private Process app;

    @AfterEach
    void stop() {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
    }

    @Test
    void migratesAnEmptyDatabaseToTheNewestMigrationAndExits() throws Exception {
        assumeTrue(freshJar(), "no packaged application newer than the classes: run ./mvnw package");
        String database = emptyDatabase();
        Path log = Files.createTempFile("migrate-only", ".log");
        app = start(database, "true", log);

        assertTrue(app.waitFor(120, TimeUnit.SECONDS), "the portal exits by itself once migrated\n" + tail(log));
        assertEquals(0, app.exitValue(), "exit status\n" + tail(log));
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
        assumeTrue(freshJar(), "no packaged application newer than the classes: run ./mvnw package");
        String database = emptyDatabase();
        Path log = Files.createTempFile("migrate-only-off", ".log");
        app = start(database, "false", log);

        assertTrue(app.waitFor(120, TimeUnit.SECONDS), "the portal exits by itself\n" + tail(log));
        assertEquals(1, app.exitValue(), "exit status\n" + tail(log));
        assertTrue(Files.readString(log).contains("still pending"), "the log says what is wrong\n" + tail(log));
    }

    /**
     * A replica as the Deployment runs it (migration off, validation on) against a database the
     * Job has not migrated: it stops at start instead of serving on a schema behind its code, so a
     * rollout waits for the Job while the previous release keeps serving.
     */
    @Test
    void aReplicaRefusesToStartOnADatabaseTheJobHasNotMigrated() throws Exception {
        assumeTrue(freshJar(), "no packaged application newer than the classes: run ./mvnw package");
        String database = emptyDatabase();
        Path log = Files.createTempFile("migrate-only-replica", ".log");
        app = replica(database, log);

        assertTrue(app.waitFor(120, TimeUnit.SECONDS), "the replica stops by itself\n" + tail(log));
        assertTrue(app.exitValue() != 0, "exit status " + app.exitValue() + "\n" + tail(log));
        assertTrue(Files.readString(log).contains("Validate failed"), "Flyway's validation stopped it\n" + tail(log));
    }

    private Process replica(String database, Path log) throws IOException {
        ProcessBuilder builder = portal(log);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database);
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        env.put("QUARKUS_FLYWAY_VALIDATE_AT_START", "true");
        env.put("ASB_SECRET", "migrate-only-test-secret-not-for-production-0123456789");
        return builder.start();
    }

    private static ProcessBuilder portal(Path log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return builder;
    }

    /** The portal as the Job's pod runs it (k8s/base/migrate-job.yaml): migration only. */
    private Process start(String database, String migrateAtStart, Path log) throws IOException {
        ProcessBuilder builder = portal(log);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database);
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", migrateAtStart);
        env.put("QUARKUS_FLYWAY_VALIDATE_AT_START", "false");
        env.put("QUARKUS_SCHEDULER_ENABLED", "false");
        env.put("ASB_MIGRATE_ONLY", "true");
        env.put("ASB_SECRET", "migrate-only-test-secret-not-for-production-0123456789");
        return builder.start();
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

    /** A database of its own beside the tests' one ({@code _TEST_QUARKUS_DATASOURCE_JDBC_URL}, else asb_test), emptied. */
    private static String emptyDatabase() throws SQLException {
        String url = System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL");
        Matcher matcher = Pattern.compile("^(jdbc:mariadb://[^/]+/)([^?;]+)").matcher(url == null ? "" : url);
        boolean given = matcher.find();
        String server = given ? matcher.group(1) : "jdbc:mariadb://127.0.0.1:3306/";
        String name = (given ? matcher.group(2) : "asb_test") + "_migrate";
        try (Connection connection = DriverManager.getConnection(server, "root", "");
                Statement sql = connection.createStatement()) {
            sql.executeUpdate("DROP DATABASE IF EXISTS " + name);
        }
        return server + name + "?createDatabaseIfNotExist=true";
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The packaged application, if it was built from the classes compiled now. */
    private static boolean freshJar() throws IOException {
        if (!Files.exists(JAR)) {
            return false;
        }
        long newestClass;
        try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
            newestClass = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().lastModified()).max().orElse(0);
        }
        long packaged;
        try (Stream<Path> files = Files.list(Path.of("target/quarkus-app/app"))) {
            packaged = files.mapToLong(file -> file.toFile().lastModified()).max().orElse(0);
        }
        return packaged >= newestClass;
    }
}
