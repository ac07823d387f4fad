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
import org.asbportal.admin.OrganisationAdminService.OrganisationRow;
import org.asbportal.security.Role;
import org.asbportal.web.InvalidSubmissionException;

/** Administrators list, add and rename the partner agencies whose staff use the portal. */
@Path("/admin/organisations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class OrganisationAdminResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance organisations(List<OrganisationRow> organisations, String saved);

        static native TemplateInstance organisationForm(Long id, OrganisationForm form, PageErrors errors);
    }

    private final OrganisationAdminService organisations;

    public OrganisationAdminResource(OrganisationAdminService organisations) {
        this.organisations = organisations;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.organisations(organisations.list(), Forms.savedCode(saved, "Organisation"));
    }

    @GET
    @Path("/new")
    public TemplateInstance newForm() {
        return Templates.organisationForm(null, new OrganisationForm(), PageErrors.NONE);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam OrganisationForm form) {
        try {
            String code = organisations.create(form).code;
            return Response.seeOther(URI.create("/admin/organisations?saved=" + code)).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.organisationForm(null, form, PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance editForm(@PathParam("id") String id) {
        var organisation = organisations.find(id);
        return Templates.organisationForm(organisation.id, OrganisationForm.of(organisation), PageErrors.NONE);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("id") String id, @BeanParam OrganisationForm form) {
        try {
            String code = organisations.rename(id, form).code;
            return Response.seeOther(URI.create("/admin/organisations?saved=" + code)).build();
        } catch (InvalidSubmissionException e) {
            var organisation = organisations.find(id);
            form.code = organisation.code;
            return Response.status(400).entity(Templates.organisationForm(organisation.id, form, PageErrors.of(e))).build();
        }
    }
}
