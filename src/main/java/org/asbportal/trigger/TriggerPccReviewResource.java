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

/**
 * The coordinator records, on the application's page, that the applicant's request for the Police
 * and Crime Commissioner's review was referred, and then the Commissioner's decision.
 */
@Path("/staff/community-trigger/{reference}/pcc-review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIGGER_COORDINATOR})
public class TriggerPccReviewResource {

    private final TriggerPccReviews pccReviews;
    private final ReviewPageResponses responses;

    public TriggerPccReviewResource(TriggerPccReviews pccReviews, ReviewPageResponses responses) {
        this.pccReviews = pccReviews;
        this.responses = responses;
    }

    @POST
    @Path("/referral")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refer(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return responses.change(reference, "pcc-referral", "pcc-", form, f -> pccReviews.refer(reference, Posted.pccReferral(f)));
    }

    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return responses.change(reference, "pcc-decision", "pcc-", form, f -> pccReviews.decide(reference, Posted.pccDecision(f)));
    }
}
