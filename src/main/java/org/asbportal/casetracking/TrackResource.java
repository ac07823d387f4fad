package org.asbportal.casetracking;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

import org.asbportal.casetracking.TrackingService.Addition;
import org.asbportal.report.PublicReportStatus;
import org.asbportal.trigger.TriggerTrackPages;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Victims check their case with the reference and access code. The code is typed once and carried
 * in the page's forms, never kept on the server.
 */
@Path("/track")
@Produces(MediaType.TEXT_HTML)
public class TrackResource {

    static final String NOT_FOUND = "We could not find a report or case review application with that reference and access code. Check both and try again.";

    @CheckedTemplate(basePath = "casetracking")
    static class Templates {
        static native TemplateInstance track(String reference, String error, String errorField);

        static native TemplateInstance status(PublicReportStatus status, String accessCode, List<Addition> additions,
                String error, boolean added);
    }

    private final TrackingService tracking;
    private final TriggerTrackPages triggerApplications;

    public TrackResource(TrackingService tracking, TriggerTrackPages triggerApplications) {
        this.tracking = tracking;
        this.triggerApplications = triggerApplications;
    }

    @GET
    public TemplateInstance form() {
        return Templates.track("", null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@FormParam("reference") String reference, @FormParam("accessCode") String accessCode,
            @Context HttpServerRequest http) {
        if (reference == null || reference.isBlank()) {
            return page(400, Templates.track("", "Enter your reference, like ASB-7KQ4-M9XP", "reference"));
        }
        if (accessCode == null || accessCode.isBlank()) {
            return page(400, Templates.track(reference, "Enter your access code", "accessCode"));
        }
        if (TriggerTrackPages.isApplicationReference(reference)) {
            return triggerApplications.page(reference, accessCode, client(http)).map(p -> page(200, p))
                    .orElseGet(() -> page(404, Templates.track(reference, NOT_FOUND, "reference")));
        }
        Optional<PublicReportStatus> status = tracking.status(reference, accessCode, client(http));
        return status.map(s -> page(200, Templates.status(s, accessCode, List.of(Addition.values()), null, false)))
                .orElseGet(() -> page(404, Templates.track(reference, NOT_FOUND, "reference")));
    }

    @POST
    @Path("/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("reference") String reference, @FormParam("accessCode") String accessCode,
            @FormParam("kind") String kind, @FormParam("text") String text, @Context HttpServerRequest http) {
        try {
            Optional<PublicReportStatus> status = tracking.add(reference, accessCode, client(http), additionOf(kind), text);
            return status.map(s -> page(200, Templates.status(s, accessCode, List.of(Addition.values()), null, true)))
                    .orElseGet(() -> page(404, Templates.track(reference == null ? "" : reference, NOT_FOUND, "reference")));
        } catch (InvalidSubmissionException e) {
            return tracking.status(reference, accessCode, client(http))
                    .map(s -> page(400, Templates.status(s, accessCode, List.of(Addition.values()), e.errors().get(0).message(), false)))
                    .orElseGet(() -> page(404, Templates.track(reference == null ? "" : reference, NOT_FOUND, "reference")));
        }
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }

    private static String client(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private static Addition additionOf(String kind) {
        try {
            return kind == null ? null : Addition.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
