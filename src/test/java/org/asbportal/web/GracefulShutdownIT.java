package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.asbportal.web.PackagedPortal.isRefused;
import static org.asbportal.web.PackagedPortal.status;
import static org.asbportal.web.PackagedPortal.tail;
import static org.asbportal.web.PackagedPortal.waitFor;
import static org.asbportal.web.PackagedPortal.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged portal, stopped with SIGTERM while residents are sending reports, answers every
 * request it accepted: readiness turns DOWN first while it keeps serving, then new requests are
 * refused (503, or the connection is refused once it has closed) and those in flight finish before
 * it exits. Every report it acknowledged is in the database.
 *
 * <p>Runs the jar {@code package} builds ({@code target/quarkus-app/quarkus-run.jar}) in a process
 * of its own, on a free port, against a database of its own next to the tests' one; the build runs
 * it after packaging ({@code ./mvnw package} or {@code verify}). Skipped when there is no jar newer
 * than the compiled classes.
 */
class GracefulShutdownIT {

    private static final int CLIENTS = 8;

    private Process app;

    @AfterEach
    void stop() {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
    }

    @Test
    void sigtermUnderLoadAnswersEveryAcceptedRequestAndLosesNoAcknowledgedReport() throws Exception {
        assumeTrue(PackagedPortal.freshJar(), PackagedPortal.NOT_PACKAGED);
        int port = PackagedPortal.freePort();
        String database = PackagedPortal.server() + PackagedPortal.databaseName("_shutdown") + "?createDatabaseIfNotExist=true";
        Path log = Files.createTempFile("graceful-shutdown", ".log");
        ProcessBuilder builder = PackagedPortal.command(log, port);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database);
        env.put("QUARKUS_FLYWAY_LOCATIONS", "db/migration,db/bedford");
        env.put("ASB_SECRET", "shutdown-test-secret-not-for-production-0123456789");
        env.put("ASB_NOTIFY_SEND_EVERY", "off");
        // Every client here comes from 127.0.0.1: the per-client report limit is tested on its own.
        env.put("ASB_LIMITS_REPORTS_MAX", "100000");
        app = builder.start();
        String base = "http://127.0.0.1:" + port;
        waitFor(Duration.ofSeconds(90), () -> status(base + "/q/health/ready") == 200, log);

        // The clients stand for residents behind a load balancer that stops routing to the portal a
        // second after it sees readiness DOWN (less than the shutdown delay, as in the manifests).
        AtomicBoolean routing = new AtomicBoolean(true);
        AtomicBoolean signalled = new AtomicBoolean();
        AtomicBoolean down = new AtomicBoolean();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger afterSignal = new AtomicInteger();
        AtomicInteger afterDown = new AtomicInteger();
        CountDownLatch warm = new CountDownLatch(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                boolean counted = false;
                for (int i = 0; routing.get(); i++) {
                    Response response;
                    try {
                        response = given().baseUri(base).contentType(ContentType.JSON).header("Connection", "close")
                                .body(report(client, i).getBytes(StandardCharsets.UTF_8))
                                .when().post("/api/v1/reports");
                    } catch (Exception e) {
                        if (isRefused(e)) {
                            refused.incrementAndGet();
                        } else {
                            failures.add("client " + client + " request " + i + ": " + e);
                        }
                        return;
                    }
                    if (response.statusCode() == 201) {
                        acknowledged.add(response.path("reference"));
                        afterSignal.addAndGet(signalled.get() ? 1 : 0);
                        afterDown.addAndGet(down.get() ? 1 : 0);
                    } else if (response.statusCode() == 503 && signalled.get()) {
                        refused.incrementAndGet();
                        return;
                    } else {
                        failures.add("client " + client + " request " + i + ": " + response.statusCode() + " "
                                + response.asString());
                        return;
                    }
                    if (!counted) {
                        counted = true;
                        warm.countDown();
                    }
                }
            });
        }
        assertTrue(warm.await(60, TimeUnit.SECONDS), "every client has had a report acknowledged");

        long start = System.nanoTime();
        signalled.set(true);
        app.destroy(); // SIGTERM
        boolean readinessWentDown = within(Duration.ofSeconds(2), () -> readinessDown(base));
        down.set(true);
        long downAt = System.nanoTime();
        within(Duration.ofSeconds(2), () -> System.nanoTime() - downAt > TimeUnit.SECONDS.toNanos(1));
        routing.set(false);
        boolean exited = app.waitFor(40, TimeUnit.SECONDS);
        long stoppedInMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "every client has finished");

        System.out.printf("Graceful shutdown: %d reports acknowledged (%d answered after SIGTERM, %d after readiness "
                + "DOWN), %d refused, %d dropped; exited %s %d ms after SIGTERM%n", acknowledged.size(), afterSignal.get(),
                afterDown.get(), refused.get(), failures.size(), exited ? "with " + app.exitValue() : "not at all",
                stoppedInMillis);
        assertTrue(exited, "the portal exits within its shutdown delay and timeout\n" + tail(log));
        assertTrue(readinessWentDown, "readiness turns DOWN at SIGTERM while the portal still answers\n" + tail(log));
        assertTrue(failures.isEmpty(), "no request dropped or failed: " + failures + "\n" + tail(log));
        // 143 is 128 + SIGTERM: how a JVM reports having stopped on that signal, its hooks all run.
        assertTrue(app.exitValue() == 0 || app.exitValue() == 143, "exit status " + app.exitValue() + "\n" + tail(log));
        assertTrue(afterSignal.get() > 0, "requests in flight at SIGTERM were answered");
        assertTrue(afterDown.get() > 0, "requests were still taken while readiness was DOWN, until the delay ended");
        List<String> missing = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database, "root", "")) {
            for (String reference : acknowledged) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM report WHERE reference = ?")) {
                    statement.setString(1, reference);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) != 1) {
                            missing.add(reference);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "every acknowledged report is in the database");
    }

    private static String report(int client, int i) {
        return """
                {"categoryCode":"BEGGING","description":"Shutdown test report %d-%d","occurredAt":"2025-02-03",
                 "stillHappening":false,"location":{"description":"Shutdown test place %d-%d"},"anonymous":true,
                 "reporter":{"role":"WITNESS"},
                 "risk":{"happenedBefore":"NO","targetedForIdentity":false,"impact":"NONE","feelsUnsafeAtHome":false,
                         "vulnerablePeopleAffected":false,"youngPeopleInvolved":"NO"},
                 "consentToShare":true}""".formatted(client, i, client, i);
    }

    /** Readiness itself says DOWN (not the 503 every request gets once the portal stops taking them). */
    private static boolean readinessDown(String base) {
        try {
            Response response = given().header("Connection", "close").when().get(base + "/q/health/ready");
            return response.statusCode() == 503 && response.asString().contains("\"DOWN\"");
        } catch (Exception e) {
            return false;
        }
    }
}
