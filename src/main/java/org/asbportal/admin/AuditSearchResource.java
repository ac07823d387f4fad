package org.asbportal.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

import org.asbportal.web.PageErrors;
import org.asbportal.admin.AuditSearchService.AuditPage;
import org.asbportal.security.Role;
import org.asbportal.web.InvalidSubmissionException;

/** Administrators search the audit log: who read or changed what, and when. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class AuditSearchResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance audit(AuditPage page, PageErrors errors);
    }

    private final AuditSearchService audit;

    public AuditSearchResource(AuditSearchService audit) {
        this.audit = audit;
    }

    @GET
    public Response search(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("reference") String reference, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor) {
        AuditFilter filter = AuditFilter.of(actor, action, reference, from, to);
        try {
            return Response.ok(Templates.audit(audit.search(filter, cursor), PageErrors.NONE)).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.audit(new AuditPage(List.of(), filter, null, false), PageErrors.of(e)))
                    .build();
        }
    }
}
