package org.asbportal.web.journey;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;

/** Turns a journey's outcome into HTTP: a page or a 303 redirect, never cached, with the draft cookie when new. */
@ApplicationScoped
public class JourneyResponses {

    private final DraftCookie cookie;

    public JourneyResponses(DraftCookie cookie) {
        this.cookie = cookie;
    }

    public <P> Response of(Journey<?> journey, JourneyOutcome<P> outcome, Function<P, TemplateInstance> template) {
        Response.ResponseBuilder response = outcome.redirects()
                ? Response.seeOther(URI.create(outcome.redirect()))
                : Response.status(outcome.status()).entity(template.apply(outcome.page()));
        if (outcome.newToken() != null) {
            response.cookie(cookie.of(journey, outcome.newToken()));
        }
        if (outcome.retryAfter() != null) {
            response.header("Retry-After", String.valueOf(Math.max(1, outcome.retryAfter().toSeconds())));
        }
        return response.header("Cache-Control", "no-store").build();
    }
}
