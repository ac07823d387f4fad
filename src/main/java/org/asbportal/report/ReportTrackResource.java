package org.asbportal.report;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
        String client = TrackResource.client(http);
        try {
            return tracking.withAccessCode(reference, client, r -> reports.add(r, accessCode, additionOf(kind), text))
                    .map(s -> TrackResource.page(200, ReportTracking.page(s, accessCode, null, true)))
                    .orElseGet(() -> TrackResource.notFound(reference));
        } catch (InvalidSubmissionException e) {
            return again(400, reference, accessCode, client, e.errors().get(0).message());
        } catch (ConflictException e) {
            return again(409, reference, accessCode, client, e.getMessage());
        }
    }

    private Response again(int code, String reference, String accessCode, String client, String error) {
        return tracking.withAccessCode(reference, client, r -> reports.status(r, accessCode))
                .map(s -> TrackResource.page(code, ReportTracking.page(s, accessCode, error, false)))
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
