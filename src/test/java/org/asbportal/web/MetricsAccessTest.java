package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

import org.asbportal.security.DemoAccounts;
import org.junit.jupiter.api.Test;

/**
 * Outside dev and test /q/metrics is not for anyone who can reach the port: here it is set as a
 * production could set it (ASB_METRICS_ACCESS=authenticated), so a scraper must sign in, while the
 * probes stay open.
 */
@QuarkusTest
@TestProfile(MetricsAccessTest.SignedInMetrics.class)
class MetricsAccessTest {

    public static class SignedInMetrics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asb.metrics.access", "authenticated");
        }
    }

    @Test
    void metricsNeedAStaffAccountWhileTheProbesStayOpen() {
        given().when().get("/q/metrics").then().statusCode(401);
        given().auth().preemptive().basic("triage", "not-the-password").when().get("/q/metrics").then().statusCode(401);

        given().auth().preemptive().basic("triage", DemoAccounts.PASSWORD).when().get("/q/metrics")
                .then().statusCode(200).body(containsString("asb_outbox_backlog"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
