package org.asbportal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Refuses, before anything reads them, requests whose headers cannot be read: HTTP Basic credentials
 * that are not base64 of {@code name:password}, a {@code Content-Type} on a body that is empty or not
 * a media type, an {@code Accept} that is not a list of media types with real quality values. Each is
 * a 400 (415 for the Content-Type) as a page or problem JSON, never a failure of the service.
 */
@ApplicationScoped
public class MalformedHeaderGuard {

    private final EarlyRefusals refusals;

    public MalformedHeaderGuard(EarlyRefusals refusals) {
        this.refusals = refusals;
    }

    void register(@Observes Filters filters) {
        // Before the body guard and before sign-in (which reads the Authorization header).
        filters.register(this::check, 1100);
    }

    void check(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !readableBasic(authorization)) {
            refuse(context, 400, "Your request has problems", "The Authorization header could not be read: send Basic "
                    + "credentials as base64 of name:password.");
            return;
        }
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        HttpMethod method = context.request().method();
        if (contentType != null && method != HttpMethod.GET && method != HttpMethod.HEAD && !mediaType(contentType)) {
            refuse(context, 415, "Unsupported media type", "The Content-Type header is empty or is not a media type.");
            return;
        }
        for (String accept : context.request().headers().getAll(HttpHeaders.ACCEPT)) {
            if (!acceptable(accept)) {
                refuse(context, 400, "Your request has problems", "The Accept header could not be read: list media types, "
                        + "like text/html or application/json.");
                return;
            }
        }
        context.next();
    }

    private void refuse(RoutingContext context, int status, String title, String detail) {
        // The request is not read, so the connection cannot carry another.
        refusals.refuse(context, new Problem("about:blank", title, status, detail, context.normalizedPath(), null), true);
    }

    /** Other schemes are left to what uses them; Basic must be base64 of {@code name:password}. */
    static boolean readableBasic(String authorization) {
        String value = authorization.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase("Basic")) {
            return true;
        }
        if (space < 0) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value.substring(space + 1).strip()), StandardCharsets.UTF_8);
            return decoded.indexOf(':') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean mediaType(String value) {
        if (value.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(value.strip());
            return !type.getType().isEmpty() && !type.getSubtype().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean acceptable(String accept) {
        for (String part : accept.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String type = part.strip();
            if (type.equals("*") || type.startsWith("*;")) {
                // Some clients (Java's own URL connection among them) send a bare * for */*.
                type = "*/*" + type.substring(1);
            }
            if (!mediaType(type)) {
                return false;
            }
            String quality = MediaType.valueOf(type).getParameters().get("q");
            if (quality != null && !quality(quality)) {
                return false;
            }
        }
        return true;
    }

    private static boolean quality(String value) {
        try {
            float q = Float.parseFloat(value.toLowerCase(Locale.ROOT));
            return q >= 0 && q <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
