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
import org.asbportal.admin.RoutingAdminService.RuleChoices;
import org.asbportal.admin.RoutingAdminService.RuleRow;
import org.asbportal.security.Role;
import org.asbportal.web.InvalidSubmissionException;

/** Administrators list, add, edit and delete the routing rules that decide where new reports go. */
@Path("/admin/routing")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class RoutingAdminResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance rules(List<RuleRow> rules, String saved);

        static native TemplateInstance ruleForm(String id, RuleForm form, RuleChoices choices, PageErrors errors);

        static native TemplateInstance ruleDelete(RuleRow rule, PageErrors errors);
    }

    private final RoutingAdminService routing;

    public RoutingAdminResource(RoutingAdminService routing) {
        this.routing = routing;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.rules(routing.list(), savedMessage(saved));
    }

    @GET
    @Path("/new")
    public TemplateInstance newForm() {
        return Templates.ruleForm(null, new RuleForm(), routing.choices(), PageErrors.NONE);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam RuleForm form) {
        try {
            routing.create(form);
            return saved("created");
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.ruleForm(null, form, routing.choices(), PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance editForm(@PathParam("id") String id) {
        return Templates.ruleForm(id, routing.form(id), routing.choices(), PageErrors.NONE);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, @BeanParam RuleForm form) {
        try {
            routing.update(id, form);
            return saved("updated");
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.ruleForm(id, form, routing.choices(), PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") String id) {
        return Templates.ruleDelete(routing.row(id), PageErrors.NONE);
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id) {
        try {
            routing.delete(id);
            return saved("deleted");
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.ruleDelete(routing.row(id), PageErrors.of(e))).build();
        }
    }

    private static Response saved(String what) {
        return Response.seeOther(URI.create("/admin/routing?saved=" + what)).build();
    }

    private static String savedMessage(String saved) {
        if (saved == null) {
            return null;
        }
        return switch (saved) {
            case "created" -> "Rule added. New reports are routed by it from now on";
            case "updated" -> "Rule saved. New reports are routed by it from now on";
            case "deleted" -> "Rule deleted";
            default -> null;
        };
    }
}
