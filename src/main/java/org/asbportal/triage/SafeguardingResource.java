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
import java.util.List;

import org.asbportal.security.AccessCodes;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.triage.RestrictionService.RestrictionForm;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * The safeguarding of a case in HTML: restricting it to named agencies, changing them or lifting the
 * restriction (on a page of its own), and flagging an exploitation concern (from the case page).
 */
@Path("/staff/safeguarding")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
public class SafeguardingResource {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance restriction(String staffName, RestrictionForm form, PageErrors errors);
    }

    private final RestrictionService restrictions;
    private final CurrentStaff staff;

    public SafeguardingResource(RestrictionService restrictions, CurrentStaff staff) {
        this.restrictions = restrictions;
        this.staff = staff;
    }

    @GET
    @Path("/{reference}/restriction")
    public TemplateInstance form(@PathParam("reference") String reference) {
        return Templates.restriction(staff.account().displayName, restrictions.form(reference), PageErrors.NONE);
    }

    @POST
    @Path("/{reference}/restriction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restrict(@PathParam("reference") String reference, @FormParam("reason") String reason,
            @FormParam("agencies") List<String> agencies) {
        try {
            restrictions.restrict(reference, reason, agencies);
            return back(reference, CaseNotice.RESTRICTED);
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.restriction(staff.account().displayName,
                    restrictions.form(reference, reason, agencies), PageErrors.of(e))).build();
        }
    }

    @POST
    @Path("/{reference}/restriction/lift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lift(@PathParam("reference") String reference) {
        restrictions.lift(reference);
        return back(reference, CaseNotice.RESTRICTION_LIFTED);
    }

    @POST
    @Path("/{reference}/exploitation-concern")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response exploitationConcern(@PathParam("reference") String reference, @FormParam("version") int version,
            @FormParam("concern") String concern) {
        boolean flagged = "yes".equals(concern);
        restrictions.flagExploitation(reference, version, flagged);
        return back(reference, flagged ? CaseNotice.EXPLOITATION_FLAGGED : CaseNotice.EXPLOITATION_CLEARED);
    }

    /** Post/redirect/get: back to the case with the change confirmed. */
    private static Response back(String reference, CaseNotice notice) {
        return Response.seeOther(URI.create("/staff/cases/" + AccessCodes.normaliseReference(reference) + "?done="
                + notice.code())).build();
    }
}
