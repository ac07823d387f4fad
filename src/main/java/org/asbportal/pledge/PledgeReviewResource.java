package org.asbportal.pledge;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.web.PageErrors;
import org.asbportal.pledge.AssessmentViews.Summary;
import org.asbportal.pledge.ReviewService.ReviewPage;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.web.InvalidSubmissionException;

/** The PLEDGE reviewers' queue of submitted self-assessments, and the review of one. */
@Path("/staff/pledge")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Role.PLEDGE_REVIEWER, Role.ADMIN })
public class PledgeReviewResource {

    @CheckedTemplate(basePath = "pledge")
    static class Templates {
        static native TemplateInstance reviewQueue(String staffName, List<Summary> waiting, List<Summary> decided, String justDecided);

        static native TemplateInstance review(String staffName, ReviewPage page, PledgeScoring scoring, String decision,
                String feedback, Map<Long, String> comments, PageErrors errors);
    }

    private final ReviewService reviews;
    private final AssessmentService assessments;
    private final CurrentStaff staff;

    public PledgeReviewResource(ReviewService reviews, AssessmentService assessments, CurrentStaff staff) {
        this.reviews = reviews;
        this.assessments = assessments;
        this.staff = staff;
    }

    @GET
    public TemplateInstance queue(@jakarta.ws.rs.QueryParam("decided") String decided) {
        return Templates.reviewQueue(staff.account().displayName, reviews.queue(), reviews.decided(), decided);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance review(@PathParam("id") Long id) {
        return Templates.review(staff.account().displayName, reviews.read(staff.username(), id), assessments.scoring(),
                null, "", Map.of(), PageErrors.NONE);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") Long id, MultivaluedMap<String, String> form) {
        Map<Long, String> comments = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("comment-") && !values.isEmpty()) {
                try {
                    comments.put(Long.valueOf(name.substring("comment-".length())), values.get(0));
                } catch (NumberFormatException e) {
                    // not a section's comment field: ignored
                }
            }
        });
        String decision = form.getFirst("decision");
        String feedback = form.getFirst("feedback");
        try {
            reviews.decide(staff.username(), id, decision, feedback, comments);
            return Response.seeOther(URI.create("/staff/pledge?decided=PLEDGE-" + id)).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.review(staff.account().displayName, reviews.read(staff.username(), id),
                    assessments.scoring(), decision, feedback, comments, PageErrors.of(e))).build();
        }
    }
}
