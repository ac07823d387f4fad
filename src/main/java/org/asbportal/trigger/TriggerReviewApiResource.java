package org.asbportal.trigger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

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
import org.asbportal.web.ApiDocument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The coordinator's review of Community Trigger applications for scripts and integrations (HTTP
 * Basic). Changes carry the {@code version} of the application last seen; a stale one is a 409.
 */
@Path("/api/v1/community-trigger/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.TRIGGER_COORDINATOR})
@Tag(name = "Community Trigger reviews")
@SecurityRequirement(name = ApiDocument.BASIC)
@SecurityRequirement(name = ApiDocument.TOKEN)
public class TriggerReviewApiResource {

    private final TriggerReviewQueue queue;
    private final TriggerReviewService reviews;
    private final TriggerEscalations escalations;
    private final TriggerOutcomeLetters letters;

    public TriggerReviewApiResource(TriggerReviewQueue queue, TriggerReviewService reviews, TriggerEscalations escalations,
            TriggerOutcomeLetters letters) {
        this.queue = queue;
        this.reviews = reviews;
        this.escalations = escalations;
        this.letters = letters;
    }

    @Operation(summary = "The review queue: applications with their current step and when it is due")
    @GET
    public QueuePage queue(@QueryParam("status") String status, @QueryParam("overdue") boolean overdue,
            @QueryParam("page") @DefaultValue("1") int page) {
        return queue.queue(status, overdue, page);
    }

    @Operation(summary = "One application under review, with its steps, complaints and recommendations")
    @APIResponse(responseCode = "404", description = "No such application")
    @GET
    @Path("/{reference}")
    public Review get(@PathParam("reference") String reference) {
        return reviews.view(reference);
    }

    /** Without a body the application is acknowledged as it is now. */
    @Operation(summary = "Acknowledge the application")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/{reference}/acknowledge")
    public Review acknowledge(@PathParam("reference") String reference, VersionForm form) {
        return reviews.acknowledge(reference, form == null ? null : form.version());
    }

    @Operation(summary = "Confirm or reject a complaint the applicant cited")
    @APIResponse(responseCode = "404", description = "No such application or complaint")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/{reference}/complaints/{id}/confirmation")
    public Review confirm(@PathParam("reference") String reference, @PathParam("id") long id, ConfirmForm form) {
        return withBody(form, f -> reviews.confirmComplaint(reference, id, f));
    }

    @Operation(summary = "Decide whether the threshold is met")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/{reference}/decision")
    public Review decide(@PathParam("reference") String reference, DecisionForm form) {
        return withBody(form, f -> reviews.decide(reference, f));
    }

    @Operation(summary = "Record the information the agencies shared")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/{reference}/agency-information")
    public Review agencyInformation(@PathParam("reference") String reference, AgencyForm form) {
        return withBody(form, f -> reviews.agencyInformation(reference, f));
    }

    @Operation(summary = "Record the review meeting")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/{reference}/meeting")
    public Review meeting(@PathParam("reference") String reference, MeetingForm form) {
        return withBody(form, f -> reviews.meeting(reference, f));
    }

    @Operation(summary = "Add a recommendation of the review")
    @APIResponse(responseCode = "201", description = "The recommendation")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/{reference}/recommendations")
    public Response addRecommendation(@PathParam("reference") String reference, RecommendationForm form) {
        return Response.status(Response.Status.CREATED).entity(withBody(form, f -> reviews.addRecommendation(reference, f)))
                .build();
    }

    @Operation(summary = "Record progress on a recommendation")
    @APIResponse(responseCode = "404", description = "No such application or recommendation")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/{reference}/recommendations/{id}/progress")
    public RecommendationView progress(@PathParam("reference") String reference, @PathParam("id") long id, ProgressForm form) {
        return withBody(form, f -> reviews.progress(reference, id, f));
    }

    @Operation(summary = "Record the outcome and tell the applicant")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/{reference}/outcome")
    public Review outcome(@PathParam("reference") String reference, OutcomeForm form) {
        return withBody(form, f -> reviews.outcome(reference, f));
    }

    @Operation(summary = "The outcome letter to the applicant")
    @APIResponse(responseCode = "404", description = "No such application, or no outcome yet")
    @GET
    @Path("/{reference}/letter")
    public OutcomeLetter letter(@PathParam("reference") String reference) {
        return letters.letter(reference);
    }

    /** Without a body the reason is missing, and said so. */
    @Operation(summary = "Record the applicant's request for the review to be looked at again")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/{reference}/escalation")
    public Review escalate(@PathParam("reference") String reference, EscalationForm form) {
        return escalations.escalateFor(reference, form);
    }

    @Operation(summary = "Decide on a request for the review to be looked at again")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/{reference}/escalation/decision")
    public Review decideEscalation(@PathParam("reference") String reference, EscalationDecisionForm form) {
        return withBody(form, f -> escalations.decideEscalation(reference, f));
    }

    /** A step's JSON body, refused (400, field {@code body}) when none was sent; then the step. */
    private static <F, R> R withBody(F form, Function<F, R> step) {
        ReviewForms.require(form);
        return step.apply(form);
    }
}
