package org.asbportal.retention;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.asbportal.retention.RetentionService.Overview;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * Administrators see the retention schedule, the periods and the latest runs with their counts, and
 * start a dry run (which counts and changes nothing) or a run now; they also place and lift legal holds.
 */
@Path("/admin/retention")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class RetentionAdminResource {

    @CheckedTemplate(basePath = "retention")
    static class Templates {
        static native TemplateInstance retention(Overview overview, String message, boolean busy, List<LegalHold> holds,
                String holdReference, String holdReason, PageErrors errors);
    }

    private final RetentionService retention;
    private final CurrentStaff staff;
    private final LegalHolds holds;

    public RetentionAdminResource(RetentionService retention, LegalHolds holds, CurrentStaff staff) {
        this.retention = retention;
        this.holds = holds;
        this.staff = staff;
    }

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        String message = switch (done == null ? "" : done) {
            case "dry-run" -> "Dry run finished: nothing was changed. Its counts are in the first row below.";
            case "run" -> "Run finished. What it changed is in the first row below.";
            case "held" -> "Hold placed: the retention job and erasure leave the record alone until it is lifted.";
            case "lifted" -> "Hold lifted: the record is kept and removed as the schedule says.";
            default -> null;
        };
        return Templates.retention(retention.overview(), message, "busy".equals(done), holds.active(), "", "", PageErrors.NONE);
    }

    @POST
    @Path("/holds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response placeHold(@FormParam(LegalHolds.REFERENCE) String reference, @FormParam(LegalHolds.REASON) String reason) {
        try {
            holds.place(reference, reason, staff.username());
            return Response.seeOther(URI.create("/admin/retention?done=held")).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.retention(retention.overview(), null, false, holds.active(), reference,
                    reason, PageErrors.of(e))).build();
        }
    }

    @POST
    @Path("/holds/{id}/lift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response liftHold(@PathParam("id") String id) {
        long hold;
        try {
            hold = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No hold with this address");
        }
        holds.lift(hold, staff.username());
        return Response.seeOther(URI.create("/admin/retention?done=lifted")).build();
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
