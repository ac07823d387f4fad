package org.asbportal.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps a session signed in with the password but not yet with its second factor away from
 * everything staff may open. Its identity ({@link StaffSessions} says which sessions are pending)
 * holds no staff role, only {@link #PENDING_ROLE}, so every role check refuses it; and any staff or
 * admin page it asks for sends it to the page it still has to pass: the code
 * ({@code /staff/two-factor/verify}) or, for an account that must have two-factor and has not set it
 * up, the set-up ({@code /staff/two-factor/set-up}).
 */
@ApplicationScoped
public class SecondFactorGate implements SecurityIdentityAugmentor {

    /** The only role of a session that still needs its second factor. */
    public static final String PENDING_ROLE = "PENDING_TWO_FACTOR";
    /** The identity's attribute saying what it still needs. */
    public static final String ATTRIBUTE = "asb.second-factor";
    static final String VERIFY_PAGE = "/staff/two-factor/verify";
    static final String SET_UP_PAGE = "/staff/two-factor/set-up";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        String pending = routing == null || identity.isAnonymous() ? null : routing.get(StaffSessions.PENDING);
        if (pending == null) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addRole(PENDING_ROLE)
                .addAttribute(ATTRIBUTE, pending)
                .build());
    }

    /** After authentication (200) and before the path permissions are checked (100). */
    void register(@Observes Filters filters) {
        filters.register(this::gate, 120);
    }

    void gate(RoutingContext routing) {
        String pending = routing.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity().getAttribute(ATTRIBUTE) : null;
        if (pending != null) {
            String page = TwoFactorService.SETUP.equals(pending) ? SET_UP_PAGE : VERIFY_PAGE;
            String path = routing.normalizedPath();
            if (guarded(path) && !path.equals(page)) {
                routing.response().setStatusCode(303).putHeader("Location", page).putHeader("Cache-Control", "no-store").end();
                return;
            }
        }
        routing.next();
    }

    private static boolean guarded(String path) {
        for (String area : new String[] {"/staff", "/admin", "/wards"}) {
            if (path.equals(area) || path.startsWith(area + "/")) {
                return true;
            }
        }
        return false;
    }

    /** A short name for the browser a session was opened from ("Firefox on Windows"), never the whole header. */
    static String browser(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown browser";
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        String name = agent.contains("edg/") ? "Edge" : agent.contains("firefox/") ? "Firefox"
                : agent.contains("chrome/") || agent.contains("chromium/") ? "Chrome" : agent.contains("safari/") ? "Safari"
                : "Other browser";
        String system = agent.contains("android") ? "Android" : agent.contains("iphone") || agent.contains("ipad") ? "iOS"
                : agent.contains("windows") ? "Windows" : agent.contains("mac os") ? "macOS" : agent.contains("linux") ? "Linux"
                : null;
        return system == null ? name : name + " on " + system;
    }
}
