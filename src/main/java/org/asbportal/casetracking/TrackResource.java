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

import org.asbportal.security.ClientAddress;

/**
 * Victims check their case with the reference and access code. The code is typed once and carried
 * in the page's forms, never kept on the server.
 */
@Path("/track")
@Produces(MediaType.TEXT_HTML)
public class TrackResource {

    public static final String NOT_FOUND = "We could not find a report or case review application with that reference and access code. Check both and try again.";

    @CheckedTemplate(basePath = "casetracking")
    static class Templates {
        static native TemplateInstance track(String reference, String error, String errorField);
    }

    private final TrackingService tracking;

    public TrackResource(TrackingService tracking) {
        this.tracking = tracking;
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
        return tracking.page(reference, accessCode, client(http)).map(p -> page(200, p))
                .orElseGet(() -> notFound(reference));
    }

    /** The track form again, saying nothing matched: for every page reached with a reference and code. */
    public static Response notFound(String reference) {
        return page(404, Templates.track(reference == null ? "" : reference, NOT_FOUND, "reference"));
    }

    /** A case page: never kept by the browser or a proxy. */
    public static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }

    /** The client's address, for the limits on wrong codes: see {@link ClientAddress}. */
    public static String client(HttpServerRequest http) {
        return ClientAddress.of(http);
    }
}
