package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.asbportal.web.PageErrors;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.trigger.ReviewForms.Posted;
import org.asbportal.trigger.ReviewViews.OutcomeLetter;
import org.asbportal.trigger.ReviewViews.QueuePage;
import org.asbportal.trigger.ReviewViews.Review;

/**
 * The coordinator's Community Trigger pages: the queue of applications, an application with its
 * review, a form for each step (post/redirect/get; the page again with the problems otherwise), and
 * the printable outcome letter.
 */
@Path("/staff/community-trigger")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIGGER_COORDINATOR})
public class TriggerReviewResource {

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        static native TemplateInstance reviewQueue(String staffName, QueuePage page, List<TriggerStatus> statuses);

        static native TemplateInstance review(String staffName, Review review, PageErrors errors, String conflict,
                Map<String, String> values, List<Agencies> agencies, String saved);

        static native TemplateInstance letter(String staffName, OutcomeLetter letter);
    }

    private final TriggerReviewQueue reviewQueue;
    private final TriggerReviewService reviews;
    private final TriggerEscalations escalations;
    private final TriggerOutcomeLetters letters;
    private final CurrentStaff staff;
    private final ReviewPageResponses responses;

    public TriggerReviewResource(TriggerReviewQueue queue, TriggerReviewService reviews, TriggerEscalations escalations,
            TriggerOutcomeLetters letters, CurrentStaff staff, ReviewPageResponses responses) {
        this.responses = responses;
        this.reviewQueue = queue;
        this.reviews = reviews;
        this.escalations = escalations;
        this.letters = letters;
        this.staff = staff;
    }

    @GET
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("overdue") boolean overdue,
            @QueryParam("page") @DefaultValue("1") int page) {
        return Templates.reviewQueue(name(), reviewQueue.queue(status, overdue, page), List.of(TriggerStatus.values()));
    }

    @GET
    @Path("/{reference}")
    public TemplateInstance review(@PathParam("reference") String reference, @QueryParam("saved") String saved) {
        return responses.page(reviews.view(reference), PageErrors.NONE, null, Map.of(), ReviewPageResponses.savedMessage(saved));
    }

    @GET
    @Path("/{reference}/letter")
    public TemplateInstance letter(@PathParam("reference") String reference) {
        return Templates.letter(name(), letters.letter(reference));
    }

    @POST
    @Path("/{reference}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "acknowledged", "", form, f -> reviews.acknowledge(reference, Posted.version(f)));
    }

    @POST
    @Path("/{reference}/complaints/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("reference") String reference, @PathParam("id") long id,
            MultivaluedMap<String, String> form) {
        return change(reference, "complaint", "complaint-" + id + "-", form,
                f -> reviews.confirmComplaint(reference, id, Posted.confirm(f)));
    }

    @POST
    @Path("/{reference}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "decision", "decision-", form, f -> reviews.decide(reference, Posted.decision(f)));
    }

    @POST
    @Path("/{reference}/agency-information")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response agencyInformation(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "agencies", "agencies-", form, f -> reviews.agencyInformation(reference, Posted.agencies(f)));
    }

    @POST
    @Path("/{reference}/meeting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response meeting(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "meeting", "meeting-", form, f -> reviews.meeting(reference, Posted.meeting(f)));
    }

    @POST
    @Path("/{reference}/recommendations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRecommendation(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "recommendation", "recommendation-", form,
                f -> reviews.addRecommendation(reference, Posted.recommendation(f)));
    }

    @POST
    @Path("/{reference}/recommendations/{id}/progress")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response progress(@PathParam("reference") String reference, @PathParam("id") long id,
            MultivaluedMap<String, String> form) {
        return change(reference, "progress", "progress-" + id + "-", form, f -> reviews.progress(reference, id, Posted.progress(f)));
    }

    @POST
    @Path("/{reference}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response outcome(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "outcome", "outcome-", form, f -> reviews.outcome(reference, Posted.outcome(f)));
    }

    @POST
    @Path("/{reference}/escalation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response escalate(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "escalation", "escalation-", form,
                f -> escalations.escalateFor(reference, Posted.escalation(f)));
    }

    @POST
    @Path("/{reference}/escalation/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideEscalation(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "escalation-decision", "escalation-", form,
                f -> escalations.decideEscalation(reference, Posted.escalationDecision(f)));
    }

    private Response change(String reference, String saved, String prefix, MultivaluedMap<String, String> form,
            Function<MultivaluedMap<String, String>, ?> operation) {
        return responses.change(reference, saved, prefix, form, operation);
    }

    private String name() {
        return staff.account().displayName;
    }
}
