package org.asbportal.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start with proxy address forwarding on and no trusted proxies: Quarkus would then take
 * {@code X-Forwarded-For} from anyone, and every client could pick its own address and walk past the
 * per-client limits ({@link ClientAddress}).
 */
@ApplicationScoped
public class ProxyTrustCheck {

    static final String FORWARDING = "quarkus.http.proxy.proxy-address-forwarding";
    static final String TRUSTED = "quarkus.http.proxy.trusted-proxies";

    void onStart(@Observes StartupEvent event, Config config) {
        check(config.getOptionalValue(FORWARDING, Boolean.class).orElse(false),
                config.getOptionalValue(TRUSTED, String.class).filter(v -> !v.isBlank()).isPresent());
    }

    static void check(boolean forwarding, boolean trustedProxiesSet) {
        if (forwarding && !trustedProxiesSet) {
            throw new IllegalStateException(FORWARDING + " (QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING) is on but " + TRUSTED
                    + " (QUARKUS_HTTP_PROXY_TRUSTED_PROXIES) is not set: list the load balancers' or ingress' addresses or "
                    + "ranges, e.g. 10.0.0.0/8, so that clients cannot choose their own address with X-Forwarded-For");
        }
    }
}
