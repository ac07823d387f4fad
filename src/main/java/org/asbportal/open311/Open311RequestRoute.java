package org.asbportal.open311;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * {@code POST /open311/v2/requests.xml} and {@code .json}: a service request, form-encoded as
 * GeoReport v2 has it, taken as a report ({@link Open311Service#submit}).
 * <p>
 * This is a route of its own rather than a resource method because the portal's CSRF filter asks
 * every form-encoded post to a resource for the token of a browser's session. An Open311 client is not
 * a browser: it is authenticated by the api_key in the request itself, which a cross-site page does not
 * have, and no cookie counts here; so the request carries no CSRF token and needs none.
 */
@ApplicationScoped
public class Open311RequestRoute {

    static final String PATH = "/open311/v2/requests";
    /** Far more than the largest request: a 4,000 character description and the attributes. */
    static final long MAX_BODY = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(Open311RequestRoute.class);

    private final Open311Service open311;
    private final Open311Writer writer;

    public Open311RequestRoute(Open311Service open311, Open311Writer writer) {
        this.open311 = open311;
        this.writer = writer;
    }

    void install(@Observes Router router) {
        for (Open311Format format : Open311Format.values()) {
            router.post(PATH + "." + format.name().toLowerCase(java.util.Locale.ROOT))
                    .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                    .blockingHandler(context -> handle(context, format), false)
                    .failureHandler(context -> refuse(context, format));
        }
    }

    private void handle(RoutingContext context, Open311Format format) {
        Open311Document document;
        try {
            document = answer(context);
        } catch (Open311Problem problem) {
            document = Open311Document.errors(problem.status(), problem.descriptions());
            if (problem.retryAfter() > 0) {
                context.response().putHeader("Retry-After", String.valueOf(problem.retryAfter()));
            }
        } catch (RuntimeException e) {
            LOG.errorf("Open311 request not taken: %s", e.getClass().getSimpleName());
            document = Open311Document.errors(500, List.of("The request could not be taken. Try again later."));
        }
        context.response().setStatusCode(document.status())
                .putHeader("Content-Type", format.mediaType())
                .end(writer.write(document, format));
    }

    /** A body that is too large (413) or not form-encoding at all (400), refused before it reaches the handler. */
    private void refuse(RoutingContext context, Open311Format format) {
        if (context.response().ended()) {
            return;
        }
        boolean tooLarge = context.statusCode() == 413;
        Open311Document document = Open311Document.errors(tooLarge ? 413 : 400, List.of(tooLarge
                ? "The request is too large: send at most " + MAX_BODY / 1024 + " KB"
                : "The request could not be read: send it form-encoded (application/x-www-form-urlencoded) in UTF-8"));
        context.response().setStatusCode(document.status())
                .putHeader("Content-Type", format.mediaType())
                .end(writer.write(document, format));
    }

    private Open311Document answer(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw Open311Problem.badRequest("Send the request form-encoded (application/x-www-form-urlencoded)");
        }
        return open311.submit(form(context.request().formAttributes()));
    }

    private static Map<String, List<String>> form(MultiMap attributes) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : attributes.entries()) {
            form.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
        }
        return form;
    }
}
