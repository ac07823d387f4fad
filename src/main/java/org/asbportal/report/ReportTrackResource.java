package org.asbportal.report;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.asbportal.casetracking.TrackResource;
import org.asbportal.casetracking.TrackingService;
import org.asbportal.report.ReportTracking.Addition;
import org.asbportal.web.ConflictException;
import org.asbportal.web.InvalidSubmissionException;

/** The victim adds to their report from its page on {@code /track}; the access code travels in the form. */
@Path("/track/add")
@Produces(MediaType.TEXT_HTML)
public class ReportTrackResource {

    private final TrackingService tracking;
    private final ReportTracking reports;

    public ReportTrackResource(TrackingService tracking, ReportTracking reports) {
        this.tracking = tracking;
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("reference") String reference, @FormParam("accessCode") String accessCode,
            @FormParam("kind") String kind, @FormParam("text") String text, @Context HttpServerRequest http) {
        return answer(tracking, reports, reference, accessCode, TrackResource.client(http),
                r -> reports.add(r, accessCode, additionOf(kind), text),
                (status, error) -> ReportTracking.page(status, accessCode, error, error == null));
    }

    /**
     * Runs something the victim adds to their report from its page, and answers with the page: thanked
     * ({@code page} with no error), or with the problem when it was refused (400, or 409 for a closed
     * case); the track form when reference and code do not match.
     */
    static Response answer(TrackingService tracking, ReportTracking reports, String reference, String accessCode,
            String client, Function<String, Optional<PublicReportStatus>> adding,
            BiFunction<PublicReportStatus, String, TemplateInstance> page) {
        String error;
        int code;
        try {
            return tracking.withAccessCode(reference, client, adding)
                    .map(s -> TrackResource.page(200, page.apply(s, null)))
                    .orElseGet(() -> TrackResource.notFound(reference));
        } catch (InvalidSubmissionException e) {
            code = 400;
            error = e.errors().get(0).message();
        } catch (ConflictException e) {
            code = 409;
            error = e.getMessage();
        }
        return tracking.withAccessCode(reference, client, r -> reports.status(r, accessCode))
                .map(s -> TrackResource.page(code, page.apply(s, error)))
                .orElseGet(() -> TrackResource.notFound(reference));
    }

    private static Addition additionOf(String kind) {
        try {
            return kind == null ? null : Addition.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
