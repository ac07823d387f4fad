package org.asbportal.triage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.triage.ServiceTargets.TargetPerformance;

/** The targets partners work to, what is due against each now and the share met each month. */
@Path("/staff/targets")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
public class TargetResource {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance targets(String staffName, List<TargetPerformance> targets);
    }

    private final ServiceTargets targets;
    private final CurrentStaff staff;

    public TargetResource(ServiceTargets targets, CurrentStaff staff) {
        this.targets = targets;
        this.staff = staff;
    }

    @GET
    public TemplateInstance page() {
        return Templates.targets(staff.account().displayName, targets.performance());
    }
}
