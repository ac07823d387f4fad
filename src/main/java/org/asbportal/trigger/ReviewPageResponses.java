package org.asbportal.trigger;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.asbportal.security.AccessCodes;
import org.asbportal.security.CurrentStaff;
import org.asbportal.trigger.ReviewViews.Review;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * How every form of the coordinator's application page answers, whichever resource takes it:
 * post/redirect/get back to the application with a success banner; the page again with the problems
 * (each linked to its field, the values kept), or the conflict, otherwise, nothing saved.
 */
@ApplicationScoped
class ReviewPageResponses {

    private final TriggerReviewService reviews;
    private final CurrentStaff staff;

    ReviewPageResponses(TriggerReviewService reviews, CurrentStaff staff) {
        this.reviews = reviews;
        this.staff = staff;
    }

    Response change(String reference, String saved, String prefix, MultivaluedMap<String, String> form,
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

    TemplateInstance page(Review review, PageErrors errors, String conflict, Map<String, String> values, String saved) {
        return TriggerReviewResource.Templates.review(staff.account().displayName, review, errors, conflict, values,
                List.of(Agencies.values()), saved);
    }

    static String savedMessage(String saved) {
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
            case "spoc" -> "Single point of contact recorded";
            case "pcc-referral" -> "Referral to the Police and Crime Commissioner recorded";
            case "pcc-decision" -> "Police and Crime Commissioner's decision recorded";
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
