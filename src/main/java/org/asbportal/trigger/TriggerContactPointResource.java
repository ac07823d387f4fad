package org.asbportal.trigger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.asbportal.security.Role;
import org.asbportal.trigger.ReviewForms.Posted;

/** The coordinator names the applicant's single point of contact, from the application's page. */
@Path("/staff/community-trigger/{reference}/contact-point")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIGGER_COORDINATOR})
public class TriggerContactPointResource {

    private final TriggerContactPoints contactPoints;
    private final ReviewPageResponses responses;

    public TriggerContactPointResource(TriggerContactPoints contactPoints, ReviewPageResponses responses) {
        this.contactPoints = contactPoints;
        this.responses = responses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response name(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return responses.change(reference, "spoc", "spoc-", form, f -> contactPoints.appoint(reference, Posted.spoc(f)));
    }
}
