package org.asbportal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * Gives every request an id, for following it through the logs and across systems: the caller's
 * {@code X-Request-Id} when it is a sane token (1 to 64 characters of letters, digits, dot,
 * underscore, hyphen), otherwise a new random one. The id is in the logging context as
 * {@code requestId} for every line the request logs (Quarkus keeps the context with the request's
 * Vert.x context, so it follows the request onto worker threads) and is sent back in the response's
 * {@code X-Request-Id}. A header that is not a sane token is never logged or echoed.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void register(@Observes Filters filters) {
        // Before every other filter, so even a request refused early carries its id.
        filters.register(this::identify, 3000);
    }

    void identify(RoutingContext context) {
        String id = idFor(context.request().getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        context.put(MDC_KEY, id);
        context.addHeadersEndHandler(v -> context.response().headers().set(HEADER, id));
        context.next();
    }

    /** The caller's id when it is a sane token, otherwise a new one. */
    static String idFor(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
