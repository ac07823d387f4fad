package org.asbportal.trigger;

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
import java.net.URI;
import java.util.Optional;

import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.security.ClientAddress;

/**
 * The applicant, on their application's page, asks for the threshold decision or the outcome to be
 * looked at again. The access code travels in the form, as on {@code /track}.
 */
@Path("/community-trigger/escalation")
@Produces(MediaType.TEXT_HTML)
public class TriggerTrackResource {

    private final TriggerService applications;

    public TriggerTrackResource(TriggerService applications) {
        this.applications = applications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response escalate(@FormParam("reference") String reference, @FormParam("accessCode") String accessCode,
            @FormParam("reason") String reason, @Context HttpServerRequest http) {
        String client = ClientAddress.of(http);
        try {
            Optional<ApplicationStatusResponse> status = applications.escalate(reference, accessCode, client,
                    new ReviewForms.EscalationForm(reason));
            return status.map(s -> page(200, TriggerTrackPages.page(s, accessCode, null, true)))
                    .orElseGet(() -> Response.seeOther(URI.create("/track")).build());
        } catch (InvalidSubmissionException e) {
            return again(400, reference, accessCode, client, e.errors().get(0).message());
        } catch (TriggerConflictException e) {
            return again(409, reference, accessCode, client, e.getMessage());
        }
    }

    private Response again(int code, String reference, String accessCode, String client, String error) {
        return applications.status(reference, accessCode, client)
                .map(s -> page(code, TriggerTrackPages.page(s, accessCode, error, false)))
                .orElseGet(() -> Response.seeOther(URI.create("/track")).build());
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }
}
