package org.asbportal.retention;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

import org.asbportal.retention.RetentionService.Overview;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;

/**
 * Administrators see the retention schedule, the periods and the latest runs with their counts, and
 * start a dry run (which counts and changes nothing) or a run now.
 */
@Path("/admin/retention")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class RetentionAdminResource {

    @CheckedTemplate(basePath = "retention")
    static class Templates {
        static native TemplateInstance retention(Overview overview, String message, boolean busy);
    }

    private final RetentionService retention;
    private final CurrentStaff staff;

    public RetentionAdminResource(RetentionService retention, CurrentStaff staff) {
        this.retention = retention;
        this.staff = staff;
    }

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        String message = switch (done == null ? "" : done) {
            case "dry-run" -> "Dry run finished: nothing was changed. Its counts are in the first row below.";
            case "run" -> "Run finished. What it changed is in the first row below.";
            default -> null;
        };
        return Templates.retention(retention.overview(), message, "busy".equals(done));
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dryRun() {
        return after(retention.runNow(true, staff.username()), "dry-run");
    }

    @POST
    @Path("/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run() {
        return after(retention.runNow(false, staff.username()), "run");
    }

    private static Response after(Optional<RetentionRun> run, String done) {
        return Response.seeOther(URI.create("/admin/retention?done=" + (run.isPresent() ? done : "busy"))).build();
    }
}
