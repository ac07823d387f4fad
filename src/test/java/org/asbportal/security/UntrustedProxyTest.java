package org.asbportal.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code X-Forwarded-For} from an address that is not a trusted proxy is ignored: a client cannot
 * pick a new address for each guess.
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.ElsewhereProxy.class)
class UntrustedProxyTest {

    /** Forwarding on, but the only trusted proxy is elsewhere: the tests at 127.0.0.1 are not it. */
    public static class ElsewhereProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "192.0.2.10",
                    "asb.tracking.max-failures-per-client", "3");
        }
    }

    @Test
    void aNewForwardedAddressForEachGuessDoesNotReachANewBucket() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", ClientLimitsProfile.newClient()).header("X-Access-Code", "2222-3333-4444")
                    .when().get("/api/v1/reports/ASB-2222-333" + (2 + i)).then().statusCode(404);
        }
        given().header("X-Forwarded-For", ClientLimitsProfile.newClient()).header("X-Access-Code", "2222-3333-4444")
                .when().get("/api/v1/reports/ASB-2222-3339").then().statusCode(429);
    }
}
