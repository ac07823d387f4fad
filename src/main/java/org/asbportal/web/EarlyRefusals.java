package org.asbportal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a request refused before it reaches a resource (a body too large, a header that cannot be
 * read) as {@link ErrorMapper} answers the rest: the friendly page to a browser, problem JSON under
 * {@code /api/} and to machines, from the same template and the same {@link Problem}.
 */
@ApplicationScoped
public class EarlyRefusals {

    private final Template page;

    public EarlyRefusals(@Location("error/problem.html") Template page) {
        this.page = page;
    }

    /** A refusal as it is sent: its media type and its text. */
    public record Answer(String contentType, String body) {
    }

    /**
     * Sends the problem. With {@code close}, the connection is closed once it is sent, so nothing more
     * of the request is read.
     */
    public void refuse(RoutingContext context, Problem problem, boolean close) {
        var response = context.response();
        if (response.headWritten()) {
            if (close) {
                context.request().connection().close();
            }
            return;
        }
        Answer answer = answer(context, problem);
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType());
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(answer.body()).onComplete(sent -> {
            if (close) {
                context.request().connection().close();
            }
        });
    }

    /** The page for a browser, problem JSON for the API and machines. */
    public Answer answer(RoutingContext context, Problem problem) {
        if (wantsHtml(context)) {
            return new Answer("text/html;charset=UTF-8", page.data("problem", problem).render());
        }
        return new Answer(Problem.MEDIA_TYPE, Json.encode(problem));
    }

    private static boolean wantsHtml(RoutingContext context) {
        if (context.normalizedPath().startsWith("/api/")) {
            return false;
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }
}
