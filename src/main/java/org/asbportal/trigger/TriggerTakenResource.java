package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.trigger.TakenApplications.TakenForm;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * A coordinator enters an application taken by phone, on paper or in person, on the applicant's
 * behalf: the online application's questions on one page, then the reference and access code with a
 * letter to give or post. The confirmation is shown in answer to the post, as the code is shown once;
 * the form's idempotency key makes sending it again show the same application.
 */
@Path("/staff/community-trigger/new-application")
@RolesAllowed({Role.ADMIN, Role.TRIGGER_COORDINATOR})
@Produces(MediaType.TEXT_HTML)
public class TriggerTakenResource {

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        static native TemplateInstance takenForm(String staffName, TakenForm form, PageErrors errors);

        static native TemplateInstance takenDone(String staffName, TakenApplications.Taken taken);
    }

    private final TakenApplications taken;
    private final CurrentStaff staff;

    public TriggerTakenResource(TakenApplications taken, CurrentStaff staff) {
        this.taken = taken;
        this.staff = staff;
    }

    @GET
    public TemplateInstance form() {
        return Templates.takenForm(staff.account().displayName, TakenForm.empty(UUID.randomUUID().toString()), PageErrors.NONE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> fields) {
        TakenForm form = TakenForm.of(fields);
        try {
            return Response.ok(Templates.takenDone(staff.account().displayName, taken.submit(form))).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.takenForm(staff.account().displayName, form, taken.pageErrors(e))).build();
        }
    }
}
