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
import org.asbportal.trigger.ReviewForms.AgencyForm;
import org.asbportal.trigger.ReviewForms.ConfirmForm;
import org.asbportal.trigger.ReviewForms.DecisionForm;
import org.asbportal.trigger.ReviewForms.EscalationDecisionForm;
import org.asbportal.trigger.ReviewForms.EscalationForm;
import org.asbportal.trigger.ReviewForms.MeetingForm;
import org.asbportal.trigger.ReviewForms.OutcomeForm;
import org.asbportal.trigger.ReviewForms.ProgressForm;
import org.asbportal.trigger.ReviewForms.RecommendationForm;
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

    private final TriggerReviewService reviews;
    private final CurrentStaff staff;

    public TriggerReviewResource(TriggerReviewService reviews, CurrentStaff staff) {
        this.reviews = reviews;
        this.staff = staff;
    }

    @GET
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("overdue") boolean overdue,
            @QueryParam("page") @DefaultValue("1") int page) {
        return Templates.reviewQueue(name(), reviews.queue(status, overdue, page), List.of(TriggerStatus.values()));
    }

    @GET
    @Path("/{reference}")
    public TemplateInstance review(@PathParam("reference") String reference, @QueryParam("saved") String saved) {
        return page(reviews.view(reference), PageErrors.NONE, null, Map.of(), savedMessage(saved));
    }

    @GET
    @Path("/{reference}/letter")
    public TemplateInstance letter(@PathParam("reference") String reference) {
        return Templates.letter(name(), reviews.letter(reference));
    }

    @POST
    @Path("/{reference}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "acknowledged", "", form, f -> reviews.acknowledge(reference, version(f)));
    }

    @POST
    @Path("/{reference}/complaints/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("reference") String reference, @PathParam("id") long id,
            MultivaluedMap<String, String> form) {
        return change(reference, "complaint", "complaint-" + id + "-", form,
                f -> reviews.confirmComplaint(reference, id, new ConfirmForm(version(f), yesNo(f.getFirst("confirmed")))));
    }

    @POST
    @Path("/{reference}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "decision", "decision-", form, f -> reviews.decide(reference, new DecisionForm(version(f),
                date(f, "decidedOn"), yesNo(f.getFirst("victimVulnerable")), yesNo(f.getFirst("discretionary")),
                f.getFirst("reasons"))));
    }

    @POST
    @Path("/{reference}/agency-information")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response agencyInformation(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "agencies", "agencies-", form, f -> reviews.agencyInformation(reference,
                new AgencyForm(version(f), list(f, "asked"), f.getFirst("other"), f.getFirst("summary"))));
    }

    @POST
    @Path("/{reference}/meeting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response meeting(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "meeting", "meeting-", form, f -> reviews.meeting(reference, new MeetingForm(version(f),
                date(f, "heldOn"), f.getFirst("chair"), yesNo(f.getFirst("chairIndependent")), list(f, "attending"),
                yesNo(f.getFirst("victimAttended")), f.getFirst("impactStatement"), f.getFirst("findings"))));
    }

    @POST
    @Path("/{reference}/recommendations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRecommendation(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "recommendation", "recommendation-", form, f -> reviews.addRecommendation(reference,
                new RecommendationForm(f.getFirst("text"), f.getFirst("ownerAgency"), date(f, "dueOn"))));
    }

    @POST
    @Path("/{reference}/recommendations/{id}/progress")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response progress(@PathParam("reference") String reference, @PathParam("id") long id,
            MultivaluedMap<String, String> form) {
        return change(reference, "progress", "progress-" + id + "-", form, f -> reviews.progress(reference, id,
                new ProgressForm(number(f.getFirst("recommendationVersion")), f.getFirst("note"), "true".equals(f.getFirst("done")))));
    }

    @POST
    @Path("/{reference}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response outcome(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "outcome", "outcome-", form,
                f -> reviews.outcome(reference, new OutcomeForm(version(f), f.getFirst("summary"))));
    }

    @POST
    @Path("/{reference}/escalation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response escalate(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "escalation", "escalation-", form,
                f -> reviews.escalateFor(reference, new EscalationForm(f.getFirst("reason"))));
    }

    @POST
    @Path("/{reference}/escalation/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideEscalation(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        return change(reference, "escalation-decision", "escalation-", form, f -> reviews.decideEscalation(reference,
                new EscalationDecisionForm(f.getFirst("decision"), f.getFirst("decisionReasons"))));
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

    private static Integer version(MultivaluedMap<String, String> form) {
        Integer version = number(form.getFirst("version"));
        if (version == null) {
            throw new TriggerConflictException("The page was out of date: look at the application again and redo your change.");
        }
        return version;
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean yesNo(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }

    private static List<String> list(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values;
    }

    /** The three boxes of a GOV.UK date input as year-month-day; the service checks it is a real date. */
    private static String date(MultivaluedMap<String, String> form, String name) {
        return strip(form.getFirst(name + "-year")) + "-" + strip(form.getFirst(name + "-month")) + "-"
                + strip(form.getFirst(name + "-day"));
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
