package org.asbportal.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The portal behind a proxy that says who the client is and whether the request came over HTTPS,
 * with the sign-in cookies as in production and the default limits on sign-in failures.
 */
public class BehindProxyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("asb.staff.max-failed-logins", "10", "asb.staff.max-failures-per-client-account", "5",
                "asb.staff.max-failures-per-client", "8", "asb.staff.slow-after", "100000",
                "quarkus.http.proxy.proxy-address-forwarding", "true", "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1", "asb.staff.secure-cookie", "true");
    }
}
