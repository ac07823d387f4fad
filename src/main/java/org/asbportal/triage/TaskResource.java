package org.asbportal.triage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

import org.asbportal.security.AccessCodes;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.triage.TaskViews.CaseWork;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * Case reviews: the form on a page of its own (for a review refused, or reached without the case page),
 * and recording one. Rooted at {@code /staff} like {@link StaffResource}, so that it does not hide the case page.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
public class TaskResource {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance caseReview(String staffName, CaseWork work, String note, PageErrors errors);
    }

    private final CaseReviewService reviews;
    private final CaseWorkPanel panel;
    private final CurrentStaff staff;

    public TaskResource(CaseReviewService reviews, CaseWorkPanel panel, CurrentStaff staff) {
        this.reviews = reviews;
        this.panel = panel;
        this.staff = staff;
    }

    @GET
    @Path("/cases/{reference}/review")
    public TemplateInstance form(@PathParam("reference") String reference) {
        return Templates.caseReview(staff.account().displayName, panel.of(reference), null, PageErrors.NONE);
    }

    @POST
    @Path("/cases/{reference}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("reference") String reference, @FormParam("note") String note) {
        try {
            reviews.record(reference, note);
            return Response.seeOther(URI.create("/staff/cases/" + AccessCodes.normaliseReference(reference) + "?done="
                    + CaseNotice.REVIEWED.code())).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.caseReview(staff.account().displayName, panel.of(reference), note,
                    PageErrors.of(e))).build();
        }
    }
}
