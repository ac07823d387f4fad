package org.asbportal.trigger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.asbportal.security.Role;
import org.asbportal.trigger.ReviewForms.AgencyForm;
import org.asbportal.trigger.ReviewForms.ConfirmForm;
import org.asbportal.trigger.ReviewForms.DecisionForm;
import org.asbportal.trigger.ReviewForms.EscalationDecisionForm;
import org.asbportal.trigger.ReviewForms.EscalationForm;
import org.asbportal.trigger.ReviewForms.MeetingForm;
import org.asbportal.trigger.ReviewForms.OutcomeForm;
import org.asbportal.trigger.ReviewForms.ProgressForm;
import org.asbportal.trigger.ReviewForms.RecommendationForm;
import org.asbportal.trigger.ReviewForms.VersionForm;
import org.asbportal.trigger.ReviewViews.OutcomeLetter;
import org.asbportal.trigger.ReviewViews.QueuePage;
import org.asbportal.trigger.ReviewViews.RecommendationView;
import org.asbportal.trigger.ReviewViews.Review;

/**
 * The coordinator's review of Community Trigger applications for scripts and integrations (HTTP
 * Basic). Changes carry the {@code version} of the application last seen; a stale one is a 409.
 */
@Path("/api/v1/community-trigger/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.TRIGGER_COORDINATOR})
public class TriggerReviewApiResource {

    private final TriggerReviewService reviews;

    public TriggerReviewApiResource(TriggerReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    public QueuePage queue(@QueryParam("status") String status, @QueryParam("overdue") boolean overdue,
            @QueryParam("page") @jakarta.ws.rs.DefaultValue("1") int page) {
        return reviews.queue(status, overdue, page);
    }

    @GET
    @Path("/{reference}")
    public Review get(@PathParam("reference") String reference) {
        return reviews.view(reference);
    }

    @POST
    @Path("/{reference}/acknowledge")
    public Review acknowledge(@PathParam("reference") String reference, VersionForm form) {
        return reviews.acknowledge(reference, form == null ? null : form.version());
    }

    @POST
    @Path("/{reference}/complaints/{id}/confirmation")
    public Review confirm(@PathParam("reference") String reference, @PathParam("id") long id, ConfirmForm form) {
        return reviews.confirmComplaint(reference, id, form);
    }

    @POST
    @Path("/{reference}/decision")
    public Review decide(@PathParam("reference") String reference, DecisionForm form) {
        return reviews.decide(reference, form);
    }

    @POST
    @Path("/{reference}/agency-information")
    public Review agencyInformation(@PathParam("reference") String reference, AgencyForm form) {
        return reviews.agencyInformation(reference, form);
    }

    @POST
    @Path("/{reference}/meeting")
    public Review meeting(@PathParam("reference") String reference, MeetingForm form) {
        return reviews.meeting(reference, form);
    }

    @POST
    @Path("/{reference}/recommendations")
    public Response addRecommendation(@PathParam("reference") String reference, RecommendationForm form) {
        return Response.status(Response.Status.CREATED).entity(reviews.addRecommendation(reference, form)).build();
    }

    @POST
    @Path("/{reference}/recommendations/{id}/progress")
    public RecommendationView progress(@PathParam("reference") String reference, @PathParam("id") long id, ProgressForm form) {
        return reviews.progress(reference, id, form);
    }

    @POST
    @Path("/{reference}/outcome")
    public Review outcome(@PathParam("reference") String reference, OutcomeForm form) {
        return reviews.outcome(reference, form);
    }

    @GET
    @Path("/{reference}/letter")
    public OutcomeLetter letter(@PathParam("reference") String reference) {
        return reviews.letter(reference);
    }

    @POST
    @Path("/{reference}/escalation")
    public Review escalate(@PathParam("reference") String reference, EscalationForm form) {
        return reviews.escalateFor(reference, form);
    }

    @POST
    @Path("/{reference}/escalation/decision")
    public Review decideEscalation(@PathParam("reference") String reference, EscalationDecisionForm form) {
        return reviews.decideEscalation(reference, form);
    }
}
