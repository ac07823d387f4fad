package org.asbportal.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import org.asbportal.retention.SubjectAccessService.Copy;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * Residents' requests about their data: an administrator finds everything held about a person, gives
 * them a copy (a JSON file or a printable page), and erases it when asked and allowed.
 */
@Path("/admin/subject-access")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class SubjectAccessResource {

    @CheckedTemplate(basePath = "retention")
    static class Templates {
        static native TemplateInstance subjectAccess(String term, PageErrors errors);

        static native TemplateInstance subjectAccessCopy(Copy copy, String message, String reason, PageErrors errors);
    }

    private final SubjectAccessService subjectAccess;
    private final CurrentStaff staff;
    private final ObjectMapper json;

    public SubjectAccessResource(SubjectAccessService subjectAccess, CurrentStaff staff, ObjectMapper json) {
        this.json = json;
        this.subjectAccess = subjectAccess;
        this.staff = staff;
    }

    @GET
    public TemplateInstance searchForm() {
        return Templates.subjectAccess("", PageErrors.NONE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response search(@FormParam(SubjectAccessService.TERM) String term) {
        try {
            long request = subjectAccess.search(term, staff.username());
            return Response.seeOther(URI.create("/admin/subject-access/" + request)).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.subjectAccess(term, PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance copy(@PathParam("id") String id, @QueryParam("erased") String erased) {
        String message = erased == null ? null : "The records listed were erased. What is left of them is shown below.";
        return Templates.subjectAccessCopy(subjectAccess.copy(id(id), staff.username(), "page"), message, "", PageErrors.NONE);
    }

    @GET
    @Path("/{id}/copy.json")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id) throws JsonProcessingException {
        Copy copy = subjectAccess.copy(id(id), staff.username(), "json");
        return Response.ok(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(copy.json()), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"subject-access-" + copy.request() + ".json\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@PathParam("id") String id, @FormParam(SubjectAccessService.REASON) String reason,
            @FormParam(SubjectAccessService.CONFIRM) String confirm) {
        long request = id(id);
        try {
            subjectAccess.erase(request, reason, "yes".equals(confirm), staff.username());
            return Response.seeOther(URI.create("/admin/subject-access/" + request + "?erased=1")).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.subjectAccessCopy(subjectAccess.copy(request, staff.username(), "page"),
                    null, reason, PageErrors.of(e))).build();
        }
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No request with this address");
        }
    }
}
