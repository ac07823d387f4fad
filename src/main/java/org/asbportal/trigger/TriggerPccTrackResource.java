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

import org.asbportal.security.ClientAddress;
import org.asbportal.web.InvalidSubmissionException;

/**
 * The applicant, on their application's page on {@code /track}, asks the Police and Crime
 * Commissioner to review a "threshold not met" decision. The access code travels in the form.
 */
@Path("/community-trigger/pcc-review")
@Produces(MediaType.TEXT_HTML)
public class TriggerPccTrackResource {

    private final TriggerService applications;

    public TriggerPccTrackResource(TriggerService applications) {
        this.applications = applications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@FormParam("reference") String reference, @FormParam("accessCode") String accessCode,
            @FormParam("reason") String reason, @Context HttpServerRequest http) {
        String client = ClientAddress.of(http);
        try {
            return applications.askPcc(reference, accessCode, client, new ReviewForms.PccRequestForm(reason))
                    .map(s -> page(200, TriggerTrackPages.pccPage(s, accessCode, null, true)))
                    .orElseGet(() -> Response.seeOther(URI.create("/track")).build());
        } catch (InvalidSubmissionException e) {
            return again(400, reference, accessCode, client, e.errors().get(0).message());
        } catch (TriggerConflictException e) {
            return again(409, reference, accessCode, client, e.getMessage());
        }
    }

    private Response again(int code, String reference, String accessCode, String client, String error) {
        return applications.status(reference, accessCode, client)
                .map(s -> page(code, TriggerTrackPages.pccPage(s, accessCode, error, false)))
                .orElseGet(() -> Response.seeOther(URI.create("/track")).build());
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }
}
