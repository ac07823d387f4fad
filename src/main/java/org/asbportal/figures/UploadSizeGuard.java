package org.asbportal.figures;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Keeps large request bodies to the administrators' upload routes (police data and ward boundaries,
 * up to {@code quarkus.http.limits.max-body-size}): any other request declaring a body larger than
 * {@link WardConfig#otherRequestsMaxBody()} is refused with 413 before it is read.
 */
@ApplicationScoped
public class UploadSizeGuard {

    static final Set<String> UPLOAD_PATHS = Set.of("/api/v1/admin/imports/police", "/api/v1/admin/wards",
            "/admin/wards/police-import", "/admin/wards/boundaries");
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Too much was sent\",\"status\":413,"
            + "\"detail\":\"The request is larger than the service accepts.\"}";

    private final WardConfig config;

    public UploadSizeGuard(WardConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, 1000);
    }

    void limit(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && !UPLOAD_PATHS.contains(context.normalizedPath()) && tooLarge(length)) {
            context.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Connection", "close").end(PROBLEM);
            return;
        }
        context.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > config.otherRequestsMaxBody();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
