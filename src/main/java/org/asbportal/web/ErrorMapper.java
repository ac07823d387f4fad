package org.asbportal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Location;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.CharConversionException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.asbportal.security.TooManyAttemptsException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become responses: RFC 9457 problem JSON for the API and machine clients,
 * a friendly page for people. Never a stack trace or a class name.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '(.{1,100})'");

    private final Template page;
    private final CurrentVertxRequest current;

    public ErrorMapper(@Location("error/problem.html") Template page, CurrentVertxRequest current) {
        this.page = page;
        this.current = current;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidSubmissionException e, UriInfo uri, HttpHeaders headers) {
        Problem problem = new Problem("about:blank", "Your request has problems", 400,
                "Correct the fields listed in errors and send it again.", path(uri), e.errors());
        return respond(problem, uri, headers);
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of(422, "Idempotency-Key reused", e.getMessage(), path(uri)), uri, headers);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        List<FieldError> errors = null;
        String detail = "The request body is not valid JSON.";
        JsonProcessingException read = readFailure(e);
        Matcher duplicate = DUPLICATE_KEY.matcher(read == null ? "" : String.valueOf(read.getOriginalMessage()));
        if (read instanceof StreamConstraintsException) {
            detail = "The request body has a value or nesting larger than the service accepts.";
        } else if (duplicate.find()) {
            detail = "The request body gives the field \"" + duplicate.group(1) + "\" more than once. Give each field once.";
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            errors = List.of(new FieldError(field, valueMessage(mapping)));
            detail = "A field has a value of the wrong type.";
        }
        return respond(new Problem("about:blank", "Your request has problems", 400, detail, path(uri), errors), uri, headers);
    }

    /** The parser's own failure, also when a field's deserialiser wrapped it with the field's path. */
    private static JsonProcessingException readFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException || cause instanceof StreamConstraintsException) {
                return (JsonProcessingException) cause;
            }
        }
        return null;
    }

    /** Bytes that are not text in the encoding the JSON parser detected, e.g. invalid UTF-32. */
    @ServerExceptionMapper
    public Response undecodableBody(CharConversionException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem("about:blank", "Your request has problems", 400, "The request body is not valid JSON.",
                path(uri), null), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri, headers);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return respond(Problem.of(status, titleFor(status), detailFor(status, e), path(uri)), uri, headers);
    }

    /** A signed-in member of staff whose role may not use the page or call: the page, not an empty 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of(403, titleFor(403),
                "Your account does not give you access to this. Ask an administrator if you need it.", path(uri)), uri, headers);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of(409, e.title(), e.getMessage(), path(uri)), uri, headers);
    }

    @ServerExceptionMapper
    public Response database(PersistenceException e, UriInfo uri, HttpHeaders headers) {
        if (e instanceof OptimisticLockException || e.getCause() instanceof StaleStateException) {
            return conflict(new ConflictException("This case has changed", "Someone else changed this at the same time. Nothing you did "
                    + "was saved: look again and redo your change."), uri, headers);
        }
        return DatabaseFailures.isUnavailable(e) || DatabaseFailures.isSerialisationFailure(e)
                ? unavailable(e, uri, headers) : unexpected(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response tooManyAttempts(TooManyAttemptsException e, UriInfo uri, HttpHeaders headers) {
        Response response = respond(Problem.of(429, "Too many attempts", e.getMessage(), path(uri)), uri, headers);
        return Response.fromResponse(response).header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds()))).build();
    }

    private Response unavailable(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseFailures.isSerialisationFailure(e) && !DatabaseFailures.isUnavailable(e)) {
            // Still meeting other changes after every retry: busy, not broken.
            LOG.warnf("Database busy after retries: %s", e.getMessage());
            Response response = respond(Problem.of(503, "Sorry, the service is busy",
                    "Many changes were being saved at the same moment, so nothing was saved. Try again in a few seconds.",
                    path(uri)), uri, headers);
            return Response.fromResponse(response).header("Retry-After", "5").build();
        }
        LOG.warnf("Database unavailable: %s", e.getMessage());
        Response response = respond(Problem.of(503, "Sorry, the service is unavailable",
                "We could not reach our database, so nothing was saved. Try again in a few minutes.", path(uri)), uri, headers);
        return Response.fromResponse(response).header("Retry-After", "30").build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseFailures.isUnavailable(e) || DatabaseFailures.isSerialisationFailure(e)) {
            return unavailable(e, uri, headers);
        }
        if (unreadableForm(e)) {
            return respond(Problem.of(400, titleFor(400), "The form could not be read. Check it is well-formed and try again.",
                    path(uri)), uri, headers);
        }
        if (refusedAlready()) {
            // The body was too large: the 413 is sent and the connection closed under the reader.
            LOG.debugf("Reading a refused body stopped: %s", e.getMessage());
            return Response.status(413).build();
        }
        LOG.error("Unexpected error", e);
        return respond(Problem.of(500, "Sorry, there is a problem with the service",
                "Try again later. Nothing you sent has been shown to anyone else.", path(uri)), uri, headers);
    }

    /**
     * The form reader of Quarkus REST gave up on the body: an escape that is not one ({@code %zz}),
     * more fields than {@code quarkus.http.limits.max-parameters}, a field with no name.
     */
    private static boolean unreadableForm(Throwable e) {
        StackTraceElement[] stack = e.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 6); i++) {
            String origin = stack[i].getClassName();
            if (origin.startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                    || origin.equals("org.jboss.resteasy.reactive.common.util.URLUtils")
                    || origin.equals("org.jboss.resteasy.reactive.common.providers.serialisers.MapAsFormUrlEncodedProvider")) {
                return true;
            }
        }
        return false;
    }

    private boolean refusedAlready() {
        RoutingContext context = current.getCurrent();
        return context != null && context.get(BodySizeGuard.REFUSED) != null;
    }

    private Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        if (wantsHtml(uri, headers)) {
            TemplateInstance html = page.data("problem", problem);
            return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean wantsHtml(UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/")) {
            return false;
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
    }

    private static String path(UriInfo uri) {
        return uri.getPath();
    }

    private static String valueMessage(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return "Must be one of: " + allowed;
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            return "Must be a " + friendlyType(format.getTargetType());
        }
        return "Has a value of the wrong type";
    }

    private static String friendlyType(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        return "value of the right type";
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Your request has problems";
            case 401 -> "You need to sign in";
            case 403 -> "You do not have access to this";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Too much was sent";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many attempts";
            case 503 -> "Sorry, the service is unavailable";
            default -> status >= 500 ? "Sorry, there is a problem with the service" : "Your request could not be completed";
        };
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> e.getMessage() != null && e.getMessage().startsWith("No ")
                    ? e.getMessage() : "If you typed the web address, check it is correct.";
            case 400 -> "The request could not be read. Check it is well-formed and try again.";
            case 415 -> "Send the body as application/json.";
            case 413 -> "The request is larger than the service accepts.";
            default -> status >= 500 ? "Try again later." : "Check what you sent and try again.";
        };
    }
}
