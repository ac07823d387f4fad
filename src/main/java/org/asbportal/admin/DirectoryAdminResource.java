package org.asbportal.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

import org.asbportal.web.PageErrors;
import org.asbportal.admin.DirectoryAdminService.AgencyChoices;
import org.asbportal.admin.DirectoryAdminService.AgencyRow;
import org.asbportal.security.Role;
import org.asbportal.web.InvalidSubmissionException;

/** Administrators keep the contact directory residents see: agencies, contact details and what they help with. */
@Path("/admin/directory")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class DirectoryAdminResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance agencies(List<AgencyRow> agencies, String saved);

        static native TemplateInstance agencyForm(String id, AgencyForm form, AgencyChoices choices, PageErrors errors);
    }

    private final DirectoryAdminService directory;

    public DirectoryAdminResource(DirectoryAdminService directory) {
        this.directory = directory;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.agencies(directory.list(), Forms.savedCode(saved, "Directory entry"));
    }

    @GET
    @Path("/new")
    public TemplateInstance newForm() {
        AgencyForm form = new AgencyForm();
        form.urgency = "ROUTINE";
        form.sortOrder = "100";
        return Templates.agencyForm(null, form, directory.choices(), PageErrors.NONE);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam AgencyForm form) {
        try {
            return saved(directory.create(form).code);
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.agencyForm(null, form, directory.choices(), PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance editForm(@PathParam("id") String id) {
        return Templates.agencyForm(id, directory.form(id), directory.choices(), PageErrors.NONE);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, @BeanParam AgencyForm form) {
        try {
            return saved(directory.update(id, form).code);
        } catch (InvalidSubmissionException e) {
            form.code = directory.form(id).code;
            return Response.status(400).entity(Templates.agencyForm(id, form, directory.choices(), PageErrors.of(e))).build();
        }
    }

    private static Response saved(String code) {
        return Response.seeOther(URI.create("/admin/directory?saved=" + code)).build();
    }
}
