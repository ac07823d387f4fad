package org.asbportal.admin;

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

import org.asbportal.category.CategoryRef;
import org.asbportal.category.CategoryService;
import org.asbportal.security.Role;
import org.asbportal.triage.ServiceTargets;
import org.asbportal.triage.ServiceTargets.TargetForm;
import org.asbportal.triage.ServiceTargets.TargetView;
import org.asbportal.ward.WardRef;
import org.asbportal.ward.WardService;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/** Administrators set the targets partners work to per kind of behaviour (and ward), and retire them. */
@Path("/admin/targets")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class TargetAdminResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance targets(List<TargetView> targets, String saved);

        static native TemplateInstance targetForm(TargetForm form, List<CategoryRef> categories, List<WardRef> wards,
                PageErrors errors);

        static native TemplateInstance targetRetire(TargetView target);
    }

    private final ServiceTargets targets;
    private final CategoryService categories;
    private final WardService wards;

    public TargetAdminResource(ServiceTargets targets, CategoryService categories, WardService wards) {
        this.targets = targets;
        this.categories = categories;
        this.wards = wards;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") String saved) {
        String message = "added".equals(saved) ? "Target added. It is measured from now on, including for cases already open"
                : "retired".equals(saved) ? "Target retired. It is no longer measured or shown" : null;
        return Templates.targets(targets.active(), message);
    }

    @GET
    @Path("/new")
    public TemplateInstance newForm() {
        return Templates.targetForm(new TargetForm("", "", "", ""), categories.all(), wards.all(), PageErrors.NONE);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("category") String category, @FormParam("ward") String ward,
            @FormParam("hours") String hours, @FormParam("description") String description) {
        TargetForm form = new TargetForm(category, ward, hours, description);
        try {
            targets.add(form);
            return Response.seeOther(URI.create("/admin/targets?saved=added")).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.targetForm(form, categories.all(), wards.all(), PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/{id}/retire")
    public TemplateInstance confirmRetire(@PathParam("id") long id) {
        return Templates.targetRetire(targets.find(id).orElseThrow(() -> new NotFoundException("No such target")));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") long id) {
        targets.retire(id);
        return Response.seeOther(URI.create("/admin/targets?saved=retired")).build();
    }
}
