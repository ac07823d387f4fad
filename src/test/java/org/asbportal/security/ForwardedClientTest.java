package org.asbportal.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import org.asbportal.report.ReportRequests;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted load balancer each resident is their own client, known by {@code X-Forwarded-For}:
 * one client's wrong codes do not lock anyone else out.
 */
@QuarkusTest
@TestProfile(ClientLimitsProfile.class)
class ForwardedClientTest {

    @Test
    void twoResidentsBehindTheLoadBalancerHaveTheirOwnLimits() {
        String guesser = ClientLimitsProfile.newClient();
        String resident = ClientLimitsProfile.newClient();
        ExtractableResponse<Response> report = given().header("X-Forwarded-For", resident).contentType(ContentType.JSON).body(ReportRequests.valid().json())
                .when().post("/api/v1/reports").then().statusCode(201).extract();

        for (int i = 0; i < ClientLimitsProfile.WRONG_CODES; i++) {
            given().header("X-Forwarded-For", guesser).header("X-Access-Code", "2222-3333-4444")
                    .when().get("/api/v1/reports/ASB-2222-333" + (2 + i)).then().statusCode(404);
        }
        given().header("X-Forwarded-For", guesser).header("X-Access-Code", "2222-3333-4444")
                .when().get("/api/v1/reports/ASB-2222-3339").then().statusCode(429);

        given().header("X-Forwarded-For", resident).header("X-Access-Code", report.path("accessCode").toString())
                .when().get("/api/v1/reports/" + report.path("reference")).then().statusCode(200);
    }

    @Test
    void forwardingWithoutTrustedProxiesIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> ProxyTrustCheck.check(true, false));
        ProxyTrustCheck.check(true, true);
        ProxyTrustCheck.check(false, false);
    }
}
