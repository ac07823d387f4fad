package org.asbportal.trigger;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.asbportal.report.Channel;
import org.asbportal.security.ClientAddress;
import org.asbportal.web.InvalidSubmissionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API for Community Trigger applications, for apps and partner systems. */
@Path("/api/v1/community-trigger/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community Trigger")
public class TriggerApiResource {

    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final TriggerService applications;

    public TriggerApiResource(TriggerService applications) {
        this.applications = applications;
    }

    @Operation(summary = "Apply for a Community Trigger (ASB case review)")
    @APIResponse(responseCode = "201", description = "Saved: the reference and access code")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with a different application")
    @APIResponse(responseCode = "429", description = "Too many attempts from this client or at this reference: wait Retry-After seconds")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(ApplicationRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri, @Context HttpServerRequest http) {
        if (request == null) {
            throw new InvalidSubmissionException("body", "Send the application as a JSON object");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new InvalidSubmissionException("Idempotency-Key", "Idempotency-Key must be 1 to 255 characters long");
        }
        ApplicationResponse saved = applications.submit(request, idempotencyKey, Channel.API, ClientAddress.of(http));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/community-trigger/applications/{reference}")
                        .build(saved.reference()))
                .entity(saved)
                .build();
    }

    /** The applicant, with the access code, asks for the decision or the outcome to be looked at again. */
    @Operation(summary = "Ask for the decision or the outcome to be looked at again (with the access code)")
    @APIResponse(responseCode = "404", description = "No application matches this reference and access code")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @APIResponse(responseCode = "429", description = "Too many attempts from this client or at this reference: wait Retry-After seconds")
    @POST
    @Path("/{reference}/escalation")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicationStatusResponse escalate(@PathParam("reference") String reference,
            @HeaderParam("X-Access-Code") String accessCode, ReviewForms.EscalationForm form, @Context HttpServerRequest http) {
        return applications.escalate(reference, accessCode, ClientAddress.of(http), form)
                .orElseThrow(() -> new NotFoundException("No application matches this reference and access code"));
    }

    @Operation(summary = "An application's status, with its access code")
    @APIResponse(responseCode = "404", description = "No application matches this reference and access code")
    @APIResponse(responseCode = "429", description = "Too many attempts from this client or at this reference: wait Retry-After seconds")
    @GET
    @Path("/{reference}")
    public ApplicationStatusResponse status(@PathParam("reference") String reference,
            @HeaderParam("X-Access-Code") String accessCode, @Context HttpServerRequest http) {
        return applications.status(reference, accessCode, ClientAddress.of(http))
                .orElseThrow(() -> new NotFoundException("No application matches this reference and access code"));
    }
}
