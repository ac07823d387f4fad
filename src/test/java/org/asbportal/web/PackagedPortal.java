package org.asbportal.web;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jar {@code package} builds ({@code target/quarkus-app/quarkus-run.jar}), started in a process
 * of its own by the tests of the packaged application (*IT), on a free port, against a database of
 * its own beside the tests' one.
 */
final class PackagedPortal {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String NOT_PACKAGED = "no packaged application newer than the classes: run ./mvnw package";

    private PackagedPortal() {
    }

    /** The portal's command, its output to {@code log}, its HTTP port free and set in its environment. */
    static ProcessBuilder command(Path log, int port) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // The packaged portal runs as in production, where administrators must sign in with two factors;
        // these tests sign in with passwords (two-factor sign-in has tests of its own).
        builder.environment().put("ASB_STAFF_TWO_FACTOR_REQUIRED_ROLES", "");
        return builder;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The packaged application, if it was built from the classes compiled now. */
    static boolean freshJar() throws IOException {
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

    /** The server of the tests' database ({@code _TEST_QUARKUS_DATASOURCE_JDBC_URL}, else asb_test), as a JDBC URL ending in /. */
    static String server() {
        Matcher matcher = testDatabase();
        return matcher.find() ? matcher.group(1) : "jdbc:mariadb://127.0.0.1:3306/";
    }

    /**
     * The JDBC URL of an empty database beside the tests' one, named after it with {@code suffix}: any
     * database left by an earlier run is dropped, and the portal creates it again when it connects.
     */
    static String emptyDatabase(String suffix) throws SQLException {
        String name = databaseName(suffix);
        try (Connection connection = DriverManager.getConnection(server(), "root", "");
                Statement sql = connection.createStatement()) {
            sql.executeUpdate("DROP DATABASE IF EXISTS " + name);
        }
        return server() + name + "?createDatabaseIfNotExist=true";
    }

    /** A database beside the tests' one, named after it with {@code suffix}. */
    static String databaseName(String suffix) {
        Matcher matcher = testDatabase();
        return (matcher.find() ? matcher.group(2) : "asb_test") + suffix;
    }

    private static Matcher testDatabase() {
        String url = System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL");
        return Pattern.compile("^(jdbc:mariadb://[^/]+/)([^?;]+)").matcher(url == null ? "" : url);
    }

    /** The last 40 lines of the portal's output, for a failure's message. */
    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The connection was refused or closed before the request was read: the portal accepted nothing. */
    static boolean isRefused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** The status of a GET, or -1 when nothing answered. */
    static int status(String url) {
        try {
            return given().header("Connection", "close").when().get(url).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Waits for {@code condition}, failing with the end of the portal's output after {@code limit}. */
    static void waitFor(Duration limit, BooleanSupplier condition, Path log) throws IOException {
        if (!within(limit, condition)) {
            throw new AssertionError("Condition not met within " + limit + "\n" + tail(log));
        }
    }

    /** Whether {@code condition} holds within {@code limit}, checked every 50 ms. */
    static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // polling interval
        }
        return true;
    }
}
