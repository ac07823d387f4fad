package org.asbportal.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses a sign-in form posted from another site (login CSRF: signing a member of staff into an
 * account someone else controls). The sign-in post is handled by Quarkus before any resource, so the
 * CSRF token of the portal's other forms cannot cover it; browsers say where a post comes from in
 * {@code Sec-Fetch-Site} and {@code Origin}, and a post that says another site is turned away.
 * Clients that send neither (scripts) are not browsers being tricked and are let through.
 */
@ApplicationScoped
public class SignInOriginCheck {

    static final String SIGN_IN_PATH = "/j_security_check";

    void register(@Observes Filters filters) {
        // Before the authentication handler, which reads the sign-in post.
        filters.register(this::check, 1000);
    }

    void check(RoutingContext context) {
        if (context.request().method() == HttpMethod.POST && SIGN_IN_PATH.equals(context.normalizedPath())
                && fromAnotherSite(context)) {
            context.response().setStatusCode(403)
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("Sign in from the portal's own sign-in page.");
            return;
        }
        context.next();
    }

    static boolean fromAnotherSite(RoutingContext context) {
        String fetchSite = context.request().getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.toLowerCase(Locale.ROOT);
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = context.request().getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try {
            URI from = URI.create(origin.strip());
            String host = context.request().authority() == null ? null : context.request().authority().toString();
            return from.getAuthority() == null || !from.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
