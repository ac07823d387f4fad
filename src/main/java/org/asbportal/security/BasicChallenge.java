package org.asbportal.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Says how to authenticate on a 401 from the JSON API: {@code WWW-Authenticate: Basic}. With form
 * sign-in also on, Quarkus runs HTTP Basic silently and sends no challenge, which HTTP requires
 * on a 401 and which some clients wait for before they send their credentials.
 */
@ApplicationScoped
public class BasicChallenge {

    static final String REALM = "ASB portal staff";
    static final String CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    void register(@Observes Filters filters) {
        filters.register(this::challengeOnUnauthorised, 900);
    }

    void challengeOnUnauthorised(RoutingContext context) {
        if (context.normalizedPath().startsWith("/api/")) {
            context.addHeadersEndHandler(v -> {
                if (context.response().getStatusCode() == 401 && !context.response().headers().contains("WWW-Authenticate")) {
                    context.response().putHeader("WWW-Authenticate", CHALLENGE);
                }
            });
        }
        context.next();
    }
}
