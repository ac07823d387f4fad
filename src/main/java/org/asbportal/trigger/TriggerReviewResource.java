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
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.asbportal.web.PageErrors;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.trigger.ReviewForms.Posted;
import org.asbportal.trigger.ReviewViews.OutcomeLetter;
import org.asbportal.trigger.ReviewViews.QueuePage;
import org.asbportal.trigger.ReviewViews.Review;
import org.asbportal.web.InvalidSubmissionException;

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

    public TriggerReviewResource(TriggerReviewQueue queue, TriggerReviewService reviews, TriggerEscalations escalations,
            TriggerOutcomeLetters letters, CurrentStaff staff) {
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
        return page(reviews.view(reference), PageErrors.NONE, null, Map.of(), savedMessage(saved));
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

    /**
     * Post/redirect/get back to the application on success; the application page with the problems
     * (each linked to its field, the values kept) or the conflict otherwise, nothing saved.
     */
    private Response change(String reference, String saved, String prefix, MultivaluedMap<String, String> form,
            Function<MultivaluedMap<String, String>, ?> operation) {
        try {
            operation.apply(form);
            return Response.seeOther(URI.create("/staff/community-trigger/" + AccessCodes.normaliseReference(reference)
                    + "?saved=" + saved)).build();
        } catch (InvalidSubmissionException e) {
            PageErrors errors = new PageErrors(e.errors().stream()
                    .map(f -> new PageErrors.PageError(prefix + f.field(), f.message())).toList());
            return Response.status(400).entity(page(reviews.view(reference), errors, null, values(prefix, form), null)).build();
        } catch (TriggerConflictException e) {
            return Response.status(409).entity(page(reviews.view(reference), PageErrors.NONE, e.getMessage(), Map.of(), null))
                    .build();
        }
    }

    private TemplateInstance page(Review review, PageErrors errors, String conflict, Map<String, String> values, String saved) {
        return Templates.review(name(), review, errors, conflict, values, List.of(Agencies.values()), saved);
    }

    private String name() {
        return staff.account().displayName;
    }

    private static String savedMessage(String saved) {
        if (saved == null) {
            return null;
        }
        return switch (saved) {
            case "acknowledged" -> "Application acknowledged";
            case "complaint" -> "Complaint checked with the agency";
            case "decision" -> "Threshold decision recorded";
            case "agencies" -> "Agencies' information recorded";
            case "meeting" -> "Review meeting recorded";
            case "recommendation" -> "Recommendation added";
            case "progress" -> "Progress recorded";
            case "outcome" -> "Outcome recorded and letter sent";
            case "escalation" -> "Escalation recorded";
            case "escalation-decision" -> "Escalation decision recorded";
            default -> null;
        };
    }

    /** What the coordinator typed, by input id, to show again with the problems. */
    private static Map<String, String> values(String prefix, MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((name, list) -> {
            if (!list.isEmpty() && !name.startsWith("csrf")) {
                values.put(prefix + name, String.join(",", list));
            }
        });
        return values;
    }
}
