package org.asbportal.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Marks the sign-in cookies {@code Secure} outside dev and test ({@link StaffSecurityConfig#secureCookie()}).
 * Quarkus' form sign-in marks its own cookies Secure only when the request itself came over HTTPS,
 * which behind a proxy depends on forwarding being set up; these cookies carry a signed-in session,
 * so they are never sent over plain HTTP whatever the proxy says.
 */
@ApplicationScoped
public class SecureCookies {

    static final Set<String> SIGN_IN_COOKIES = Set.of(LoginResource.SESSION_COOKIE, StaffSessions.COOKIE,
            "quarkus-redirect-location");

    private final StaffSecurityConfig config;

    public SecureCookies(StaffSecurityConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        if (config.secureCookie()) {
            filters.register(this::secure, 1900);
        }
    }

    void secure(RoutingContext context) {
        context.addHeadersEndHandler(v -> {
            for (Cookie cookie : context.request().cookies()) {
                // Only cookies this response sets: those the browser sent are not sent back.
                if (SIGN_IN_COOKIES.contains(cookie.getName()) && cookie instanceof ServerCookie server && server.isChanged()) {
                    cookie.setSecure(true);
                }
            }
        });
        context.next();
    }
}
