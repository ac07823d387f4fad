package org.asbportal.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The portal behind a load balancer at 127.0.0.1 (a trusted proxy), with per-client limits low enough
 * to reach in a test: 5 wrong access codes, 3 reports, 2 case review applications and 2 PLEDGE emails
 * per client. Each test acts as its own client by the {@code X-Forwarded-For} its requests carry.
 */
public class ClientLimitsProfile implements QuarkusTestProfile {

    public static final int WRONG_CODES = 5;
    public static final int REPORTS = 3;
    public static final int APPLICATIONS = 2;
    public static final int PLEDGE_EMAILS = 2;
    public static final int TRACK_LOOKUPS = 30;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
                "asb.tracking.max-failures-per-client", String.valueOf(WRONG_CODES),
                "asb.limits.reports-max", String.valueOf(REPORTS),
                "asb.limits.applications-max", String.valueOf(APPLICATIONS),
                "asb.limits.pledge-emails-max", String.valueOf(PLEDGE_EMAILS),
                "asb.limits.track-lookups-max", String.valueOf(TRACK_LOOKUPS));
    }

    /** An address no other test uses, in the documentation range 198.18.0.0/15. */
    public static String newClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** Every request from now on comes through the load balancer for {@code client}. */
    public static void actAs(String client) {
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("X-Forwarded-For", client).build();
    }

    /** Requests come straight from the test again. */
    public static void reset() {
        RestAssured.requestSpecification = null;
    }
}
