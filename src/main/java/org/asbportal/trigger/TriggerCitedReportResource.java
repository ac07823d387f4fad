package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;

/** The coordinator reads, from an application's page, a portal report it cites: read only. */
@Path("/staff/community-trigger/{reference}/reports/{reportReference}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIGGER_COORDINATOR})
public class TriggerCitedReportResource {

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        static native TemplateInstance citedReport(String staffName, TriggerCitedReports.CitedReport report);
    }

    private final TriggerCitedReports reports;
    private final CurrentStaff staff;

    public TriggerCitedReportResource(TriggerCitedReports reports, CurrentStaff staff) {
        this.reports = reports;
        this.staff = staff;
    }

    @GET
    public TemplateInstance view(@PathParam("reference") String reference, @PathParam("reportReference") String reportReference) {
        return Templates.citedReport(staff.account().displayName, reports.view(reference, reportReference));
    }
}
