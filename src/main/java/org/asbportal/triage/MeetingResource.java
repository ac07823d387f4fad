package org.asbportal.triage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.triage.MeetingService.CaseLine;
import org.asbportal.triage.MeetingService.Hotspot;

/** Printable lists for the partnership's standing meetings. */
@Path("/staff/meetings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
public class MeetingResource {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance meetings(String staffName);

        static native TemplateInstance meetingCases(String staffName, String title, String description, String path,
                LocalDate since, List<CaseLine> cases);

        static native TemplateInstance hotspots(String staffName, int minReports, int days, List<Hotspot> hotspots);

        static native TemplateInstance vamap(String staffName, MeetingService.VamapList list);
    }

    private final MeetingService meetings;
    private final CurrentStaff staff;

    public MeetingResource(MeetingService meetings, CurrentStaff staff) {
        this.meetings = meetings;
        this.staff = staff;
    }

    @GET
    public TemplateInstance index() {
        return Templates.meetings(staff.account().displayName);
    }

    @GET
    @Path("/vulnerability-hub")
    public TemplateInstance vulnerabilityHub(@QueryParam("since") String since) {
        LocalDate from = sinceOr(since);
        return Templates.meetingCases(staff.account().displayName, "Partnership Vulnerability Hub",
                "High-risk reports and reports where children or a vulnerable adult are affected.", "vulnerability-hub",
                from, meetings.vulnerabilityHub(from));
    }

    @GET
    @Path("/early-intervention")
    public TemplateInstance earlyIntervention(@QueryParam("since") String since) {
        LocalDate from = sinceOr(since);
        return Templates.meetingCases(staff.account().displayName, "ASB Early Intervention Case Conference",
                "Reports involving young people, who may be at risk of exploitation.", "early-intervention",
                from, meetings.earlyIntervention(from));
    }

    @GET
    @Path("/vamap")
    public TemplateInstance vamap() {
        return Templates.vamap(staff.account().displayName, meetings.vamap());
    }

    @GET
    @Path("/joint-operations")
    public TemplateInstance jointOperations() {
        return Templates.hotspots(staff.account().displayName, meetings.config().jogMinReports(), meetings.config().jogDays(),
                meetings.jointOperations());
    }

    private LocalDate sinceOr(String since) {
        if (since == null || since.isBlank()) {
            return meetings.defaultSince();
        }
        try {
            return LocalDate.parse(since.strip());
        } catch (DateTimeException e) {
            return meetings.defaultSince();
        }
    }
}
