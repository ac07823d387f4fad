package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.asbportal.web.PackagedPortal.tail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first administrator, named by ASB_ADMIN_USERNAME / ASB_ADMIN_PASSWORD, as a new installation
 * starts: the account is written beside the rest of start-up rather than before the portal answers,
 * yet a sign-in sent the moment the replica is ready already succeeds. A password too short still
 * stops the portal at start.
 */
class AdminBootstrapIT {

    private static final String ADMIN = "first-admin";
    private static final String ADMIN_PASSWORD = "first-admin-password-2026";

    private String database;
    private Path log;
    private Process app;

    @BeforeEach
    void emptyDatabase() throws IOException, SQLException {
        assumeTrue(PackagedPortal.freshJar(), PackagedPortal.NOT_PACKAGED);
        database = PackagedPortal.emptyDatabase("_admin");
        log = Files.createTempFile("admin-bootstrap", ".log");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void theAdministratorCanSignInTheMomentTheNewPortalIsReady() throws Exception {
        int port = PackagedPortal.freePort();
        app = portal(port, ADMIN_PASSWORD).start();
        String base = "http://127.0.0.1:" + port;
        PackagedPortal.waitFor(Duration.ofSeconds(120), () -> PackagedPortal.status(base + "/q/health/ready") == 200, log);

        Response signIn = given().baseUri(base).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .accept("text/html").redirects().follow(false)
                .formParam("j_username", ADMIN).formParam("j_password", ADMIN_PASSWORD)
                .when().post("/j_security_check");

        assertEquals(302, signIn.statusCode(), "signing in\n" + tail(log));
        assertTrue(signIn.header("Location").endsWith("/staff/start"), "signed in: " + signIn.header("Location"));
        assertTrue(Files.readString(log).contains("Administrator account " + ADMIN + " created"), tail(log));
    }

    @Test
    void aPasswordTooShortStopsThePortalAtStart() throws Exception {
        app = portal(PackagedPortal.freePort(), "too-short").start();

        assertTrue(app.waitFor(120, TimeUnit.SECONDS), "the portal stops by itself\n" + tail(log));
        assertNotEquals(0, app.exitValue(), "exit status\n" + tail(log));
        assertTrue(Files.readString(log).contains("ASB_ADMIN_PASSWORD must be at least 12 characters"),
                "the log says what is wrong\n" + tail(log));
    }

    /** A new installation's first replica: migrating an empty database, administrator from the environment. */
    private ProcessBuilder portal(int port, String password) {
        ProcessBuilder portal = PackagedPortal.command(log, port);
        Map<String, String> env = portal.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database);
        env.put("ASB_SECRET", "admin-bootstrap-test-secret-not-for-production-0123456789");
        env.put("ASB_NOTIFY_SEND_EVERY", "off");
        env.put("ASB_ADMIN_USERNAME", ADMIN);
        env.put("ASB_ADMIN_PASSWORD", password);
        return portal;
    }
}
