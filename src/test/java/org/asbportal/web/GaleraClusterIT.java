package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.asbportal.web.PackagedPortal.isRefused;
import static org.asbportal.web.PackagedPortal.status;
import static org.asbportal.web.PackagedPortal.tail;
import static org.asbportal.web.PackagedPortal.waitFor;
import static org.asbportal.web.PackagedPortal.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged portals, each against its own node of a three-node MariaDB Galera cluster (the script
 * {@code src/test/cluster/galera}, ports 4306 to 4308), as two replicas of the Deployment would be
 * behind a load balancer: reports taken by both at once are all on every node, a member of staff
 * signed in on one is signed in on the other, a case claimed on one is claimed on the other, and when
 * one node dies mid-load every report acknowledged is still on the surviving nodes while the portal
 * behind the dead node answers 503 and nothing answers any other 5xx.
 *
 * <p>Runs in {@code ./mvnw verify} after packaging (alone with {@code ./mvnw -Pcluster verify}); skipped
 * when there is no jar newer than the compiled classes, or no Galera library or rsync to run a cluster
 * with ({@code .ci/run} installs them). Starts the cluster if it is not up, and stops it again if it did.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraClusterIT {

    private static final String SCRIPT = "src/test/cluster/galera";
    private static final String DATABASE = "asb_cluster";
    private static final int[] NODE_PORTS = {4306, 4307, 4308};
    private static final String ADMIN = "cluster-admin";
    private static final String ADMIN_PASSWORD = "cluster-admin-password-2026";
    private static final int CLIENTS = 4;
    private static final Duration LOAD = Duration.ofSeconds(10);
    private static final Duration AFTER_KILL = Duration.ofSeconds(40);

    /** Emails written to the outbox at once for both replicas' senders to work through. */
    private static final int EMAILS = 80;

    private static boolean startedCluster;
    private static GreenMail mailServer;
    private static Process portalA;
    private static Process portalB;
    private static Path logA;
    private static Path logB;
    private static String baseA;
    private static String baseB;

    @BeforeAll
    static void cluster() throws Exception {
        assumeTrue(PackagedPortal.freshJar(), PackagedPortal.NOT_PACKAGED);
        assumeTrue(Files.exists(Path.of(System.getenv().getOrDefault("GALERA_PROVIDER", "/usr/lib/galera/libgalera_smm.so")))
                && Files.isExecutable(Path.of("/usr/bin/rsync")), "no Galera cluster can run here: apt-get install galera-4 rsync");
        startedCluster = !answers(NODE_PORTS[0]);
        Process script = new ProcessBuilder("bash", SCRIPT, "start").inheritIO().start();
        assertTrue(script.waitFor(150, TimeUnit.SECONDS) && script.exitValue() == 0, SCRIPT + " start: a synced cluster of 3");

        try (Connection connection = DriverManager.getConnection(node(NODE_PORTS[0], ""), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }

        // Migrations once, by one process, as the Kubernetes Job does: Flyway's lock (GET_LOCK) is not
        // shared between Galera nodes.
        Path migrateLog = Files.createTempFile("cluster-migrate", ".log");
        ProcessBuilder migrate = portal(migrateLog, PackagedPortal.freePort(), NODE_PORTS[0]);
        migrate.environment().put("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
        migrate.environment().put("ASB_MIGRATE_ONLY", "true");
        Process migration = migrate.start();
        assertTrue(migration.waitFor(120, TimeUnit.SECONDS), "the migration run exits\n" + tail(migrateLog));
        assertEquals(0, migration.exitValue(), "the migration run leaves nothing pending\n" + tail(migrateLog));

        mailServer = new GreenMail(new ServerSetup(PackagedPortal.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        int portA = PackagedPortal.freePort();
        int portB = PackagedPortal.freePort();
        logA = Files.createTempFile("cluster-portal-a", ".log");
        logB = Files.createTempFile("cluster-portal-b", ".log");
        portalA = portal(logA, portA, NODE_PORTS[0]).start();
        portalB = portal(logB, portB, NODE_PORTS[1]).start();
        baseA = "http://127.0.0.1:" + portA;
        baseB = "http://127.0.0.1:" + portB;
        waitFor(Duration.ofSeconds(90), () -> status(baseA + "/q/health/ready") == 200, logA);
        waitFor(Duration.ofSeconds(90), () -> status(baseB + "/q/health/ready") == 200, logB);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process portal : new Process[] {portalA, portalB}) {
            if (portal != null && portal.isAlive()) {
                portal.destroy();
                if (!portal.waitFor(30, TimeUnit.SECONDS)) {
                    portal.destroyForcibly();
                }
            }
        }
        if (mailServer != null) {
            mailServer.stop();
        }
        // Node 2 was killed: start it again (it rejoins by IST), or stop the cluster this test started.
        Process script = new ProcessBuilder("bash", SCRIPT, startedCluster ? "stop" : "start").inheritIO().start();
        script.waitFor(120, TimeUnit.SECONDS);
    }

    @Test
    @Order(1)
    void reportsTakenByBothReplicasAtOnceAreOnEveryNode() throws Exception {
        Load load = load(LOAD, null, Duration.ZERO, done -> true);
        System.out.printf("Cluster, both replicas: %d reports acknowledged (%d by A, %d by B); %d other answers%n",
                load.acknowledged.size(), load.countBy("A"), load.countBy("B"), load.failures.size());
        assertTrue(load.failures.isEmpty(), "every report acknowledged (201): " + load.failures + "\n--- A\n" + tail(logA)
                + "\n--- B\n" + tail(logB));
        assertTrue(load.countBy("A") > 0 && load.countBy("B") > 0, "both replicas acknowledged reports");
        for (int port : NODE_PORTS) {
            assertEquals(List.of(), missing(port, load.references()), "every acknowledged report is on node " + port);
        }
    }

    @Test
    @Order(2)
    void aStaffSessionOpenedOnOneReplicaWorksOnTheOther() throws IOException {
        Response signIn = given().baseUri(baseA).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .accept("text/html").redirects().follow(false)
                .formParam("j_username", ADMIN).formParam("j_password", ADMIN_PASSWORD)
                .when().post("/j_security_check");
        assertEquals(302, signIn.statusCode(), "signing in on A\n" + tail(logA));
        assertTrue(signIn.header("Location").endsWith("/staff/start"), signIn.header("Location"));
        Map<String, String> cookies = Map.of("asb-session", signIn.cookie("asb-session"),
                "asb-staff-session", signIn.cookie("asb-staff-session"));

        Response onB = given().baseUri(baseB).accept("text/html").redirects().follow(false).cookies(cookies)
                .when().get("/staff");
        assertEquals(200, onB.statusCode(), "the session opened on A is signed in on B: " + onB.header("Location"));
        Response onA = given().baseUri(baseA).accept("text/html").redirects().follow(false).cookies(cookies)
                .when().get("/staff");
        assertEquals(200, onA.statusCode(), "and still on A");
    }

    @Test
    @Order(3)
    void aCaseClaimedOnOneReplicaIsClaimedOnTheOther() {
        String reference = given().baseUri(baseA).contentType(ContentType.JSON)
                .body(report("claim", 0).getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/reports")
                .then().statusCode(201).extract().path("reference");
        Response seenOnB = api(baseB).when().get("/api/v1/cases/{reference}", reference);
        assertEquals(200, seenOnB.statusCode(), "the case reported on A is on B: " + seenOnB.asString());
        int version = seenOnB.path("version");

        Response claimed = api(baseB).contentType(ContentType.JSON).body(Map.of("version", version))
                .when().post("/api/v1/cases/{reference}/claim", reference);
        assertEquals(200, claimed.statusCode(), "claimed on B: " + claimed.asString());
        String assignee = claimed.path("assignee");
        assertNotNull(assignee, "the claim names who holds the case");

        Response onA = api(baseA).when().get("/api/v1/cases/{reference}", reference);
        assertEquals(200, onA.statusCode());
        assertEquals(assignee, onA.path("assignee"), "A sees the case held by whoever claimed it on B");
        assertEquals((int) claimed.path("version"), (int) onA.path("version"), "A sees the version the claim made");
        // A second claim on A with the version read before the claim is refused: the version moved on B.
        Response stale = api(baseA).contentType(ContentType.JSON).body(Map.of("version", version))
                .when().post("/api/v1/cases/{reference}/claim", reference);
        assertEquals(409, stale.statusCode(), "a claim with the version from before is a conflict: " + stale.asString());
    }

    /**
     * Both replicas' outbox senders, each writing through its own node, work through one backlog at
     * once. Row locks are not shared between Galera nodes, so both may take the same email; the claim
     * committed before sending lets only one of them have it, and every email goes out exactly once.
     */
    @Test
    @Order(4)
    void bothReplicasSendingTheOutboxSendEachEmailOnce() throws Exception {
        try (Connection connection = DriverManager.getConnection(node(NODE_PORTS[0], DATABASE), "root", "");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_message (created_at, kind, "
                        + "recipient, subject, body_text, body_html, attempts, next_attempt_at, status) "
                        + "VALUES (NOW(6), 'UPDATE', ?, 'Cluster outbox test', 'Text', '<p>Text</p>', 0, NOW(6), 'PENDING')")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < EMAILS; i++) {
                insert.setString(1, "victim-" + i + "@cluster.example");
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }

        waitFor(Duration.ofSeconds(90), () -> pendingOnNode(NODE_PORTS[0]) == 0, logA);
        // Both senders have stopped finding work; anything sent twice has reached the mail server by now.
        assertTrue(mailServer.waitForIncomingEmail(5_000, EMAILS), "every email arrives\n" + tail(logA));

        Map<String, Long> byRecipient = new TreeMap<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            for (jakarta.mail.Address to : message.getAllRecipients()) {
                byRecipient.merge(to.toString(), 1L, Long::sum);
            }
        }
        Map<String, Long> twice = new TreeMap<>(byRecipient);
        twice.values().removeIf(count -> count == 1);
        System.out.printf("Cluster outbox: %d emails written, %d received by %d recipients, %d sent more than once%n",
                EMAILS, mailServer.getReceivedMessages().length, byRecipient.size(), twice.size());
        assertEquals(Map.of(), twice, "no email sent twice\n--- A\n" + tail(logA) + "\n--- B\n" + tail(logB));
        assertEquals(EMAILS, byRecipient.size(), "every email sent");
    }

    @Test
    @Order(5)
    void aNodeKilledMidLoadLosesNoAcknowledgedReportAndItsReplicaAnswers503() throws Exception {
        Load load = load(LOAD.dividedBy(2), () -> {
            try {
                Process kill = new ProcessBuilder("bash", SCRIPT, "kill", "2").inheritIO().start();
                kill.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        // Then load until the replica on a surviving node has taken a few reports, once the cluster has
        // evicted the dead node (at most AFTER_KILL), and for at least half the load.
        }, AFTER_KILL, done -> done.afterKill("A") >= 3
                && System.nanoTime() - done.killedAt > LOAD.dividedBy(2).toNanos());
        List<String> otherThan503 = load.failures.stream().filter(failure -> !failure.contains(" 503 ")).toList();
        List<String> fromA = load.failures.stream().filter(failure -> failure.startsWith("A ")).toList();
        System.out.printf("Cluster, node 2 killed mid-load: %d reports acknowledged (%d by A, %d of them after the kill, "
                + "the first %d ms after it; %d by B, %d after the kill); %d other answers: %s%n", load.acknowledged.size(),
                load.countBy("A"), load.afterKill("A"), load.firstAfterKillMillis("A"), load.countBy("B"),
                load.afterKill("B"), load.failures.size(), load.failures);
        for (int port : new int[] {NODE_PORTS[0], NODE_PORTS[2]}) {
            assertEquals(List.of(), missing(port, load.references()),
                    "every acknowledged report is on surviving node " + port);
        }
        assertEquals(List.of(), otherThan503, "no answer other than 201 or 503\n--- A\n" + tail(logA) + "\n--- B\n"
                + tail(logB));
        assertEquals(List.of(), fromA, "the replica whose node survived acknowledges every report\n" + tail(logA));
        assertTrue(load.afterKill("A") > 0, "the replica on a surviving node goes on taking reports");
        Response ready = given().baseUri(baseB).header("Connection", "close").when().get("/q/health/ready");
        assertEquals(503, ready.statusCode(), "the replica behind the dead node is not ready: " + ready.asString());
    }

    /**
     * What a load of {@link #CLIENTS} clients, half on each replica, got: {@code first} of load, then
     * {@code midway} (if any), then load again until {@code enough} holds, at most {@code atMost}.
     */
    private static Load load(Duration first, Runnable midway, Duration atMost, Predicate<Load> enough) throws Exception {
        Load load = new Load();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            String replica = c % 2 == 0 ? "A" : "B";
            String base = c % 2 == 0 ? baseA : baseB;
            clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    boolean after = killed.get();
                    try {
                        Response response = given().baseUri(base).contentType(ContentType.JSON)
                                .body(report(replica + client, i).getBytes(StandardCharsets.UTF_8))
                                .when().post("/api/v1/reports");
                        if (response.statusCode() == 201) {
                            load.acknowledged.add(new Acknowledged(replica, after, System.nanoTime(), response.path("reference")));
                        } else {
                            load.failures.add(replica + " client " + client + " request " + i + (after ? " (after kill)" : "")
                                    + ": " + response.statusCode() + " " + response.asString());
                        }
                    } catch (Exception e) {
                        load.failures.add(replica + " client " + client + " request " + i + (after ? " (after kill)" : "")
                                + ": " + (isRefused(e) ? "connection refused" : e.toString()));
                    }
                }
            });
        }
        within(first, () -> false);
        if (midway != null) {
            load.killedAt = System.nanoTime();
            midway.run();
            killed.set(true);
        }
        within(atMost, () -> enough.test(load));
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "every client has finished");
        return load;
    }

    private record Acknowledged(String replica, boolean afterKill, long at, String reference) {
    }

    private static final class Load {
        final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        volatile long killedAt;

        long countBy(String replica) {
            return acknowledged.stream().filter(a -> a.replica().equals(replica)).count();
        }

        long afterKill(String replica) {
            return acknowledged.stream().filter(a -> a.replica().equals(replica) && a.afterKill()).count();
        }

        /** Milliseconds from the kill to the first report {@code replica} acknowledged after it, or -1. */
        long firstAfterKillMillis(String replica) {
            return acknowledged.stream().filter(a -> a.replica().equals(replica) && a.afterKill()).mapToLong(Acknowledged::at)
                    .min().stream().map(at -> TimeUnit.NANOSECONDS.toMillis(at - killedAt)).findFirst().orElse(-1);
        }

        List<String> references() {
            return acknowledged.stream().map(Acknowledged::reference).toList();
        }
    }

    /** The references not in node {@code port}'s report table, read after every write it has been sent. */
    private static List<String> missing(int port, List<String> references) throws SQLException {
        Set<String> stored = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(node(port, DATABASE), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = 1"); // causal read: wait for the writes replicated so far
            try (ResultSet rows = statement.executeQuery("SELECT reference FROM report")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        List<String> missing = new ArrayList<>(references);
        missing.removeAll(stored);
        return missing;
    }

    private static ProcessBuilder portal(Path log, int port, int nodePort) {
        ProcessBuilder builder = PackagedPortal.command(log, port);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", node(nodePort, DATABASE));
        env.put("QUARKUS_FLYWAY_LOCATIONS", "db/migration,db/bedford");
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        env.put("ASB_SECRET", "cluster-test-secret-not-for-production-0123456789");
        env.put("ASB_ADMIN_USERNAME", ADMIN);
        env.put("ASB_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Both replicas send the outbox, every second, to the test's mail server.
        env.put("QUARKUS_MAILER_MOCK", "false");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(mailServer == null ? 25 : mailServer.getSmtp().getPort()));
        env.put("ASB_NOTIFY_SEND_EVERY", "1s");
        env.put("ASB_NOTIFY_BATCH_SIZE", "20");
        // Every client here comes from 127.0.0.1: the per-client limits are tested on their own.
        env.put("ASB_LIMITS_REPORTS_MAX", "100000");
        return builder;
    }

    /** Outbox messages still waiting, read on node {@code port} after the writes replicated so far. */
    private static long pendingOnNode(int port) {
        try (Connection connection = DriverManager.getConnection(node(port, DATABASE), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = 1");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT COUNT(*) FROM outbox_message WHERE status = 'PENDING' AND subject = 'Cluster outbox test'")) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private static String node(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    private static io.restassured.specification.RequestSpecification api(String base) {
        return given().baseUri(base).accept(ContentType.JSON).auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    private static String report(String client, int i) {
        return """
                {"categoryCode":"BEGGING","description":"Cluster test report %s-%d","occurredAt":"2025-02-03",
                 "stillHappening":false,"location":{"description":"Cluster test place %s-%d"},"anonymous":true,
                 "reporter":{"role":"WITNESS"},
                 "risk":{"happenedBefore":"NO","targetedForIdentity":false,"impact":"NONE","feelsUnsafeAtHome":false,
                         "vulnerablePeopleAffected":false,"youngPeopleInvolved":"NO"},
                 "consentToShare":true}""".formatted(client, i, client, i);
    }

    private static boolean answers(int port) {
        try (Connection connection = DriverManager.getConnection(node(port, ""), "root", "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
