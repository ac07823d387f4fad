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
import java.util.Map;

import org.asbportal.admin.ResponseTemplateAdminService.TemplateRow;
import org.asbportal.security.Role;
import org.asbportal.triage.ResponseTemplates;
import org.asbportal.triage.TriageQueue;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/** Administrators list, add, edit and retire the ready-written public updates of each queue. */
@Path("/admin/response-templates")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class ResponseTemplateResource {

    /** The banner after each change (post/redirect/get); nothing for a code the portal never writes. */
    private static final Map<String, String> SAVED = Map.of(
            "added", "Response template added",
            "changed", "Response template saved",
            "retired", "Response template retired: officers are no longer offered it");

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance responseTemplates(List<TemplateRow> templates, String saved);

        static native TemplateInstance responseTemplateForm(String id, ResponseTemplateForm form, List<TriageQueue> queues,
                List<String> placeholders, PageErrors errors);
    }

    private final ResponseTemplateAdminService templates;

    public ResponseTemplateResource(ResponseTemplateAdminService templates) {
        this.templates = templates;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.responseTemplates(templates.list(), saved == null ? null : SAVED.get(saved));
    }

    @GET
    @Path("/new")
    public TemplateInstance newForm() {
        return Templates.responseTemplateForm(null, new ResponseTemplateForm(), templates.queues(),
                ResponseTemplates.PLACEHOLDERS, PageErrors.NONE);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam ResponseTemplateForm form) {
        try {
            templates.create(form);
            return saved("added");
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.responseTemplateForm(null, form, templates.queues(),
                    ResponseTemplates.PLACEHOLDERS, PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance editForm(@PathParam("id") String id) {
        return Templates.responseTemplateForm(id, templates.form(id), templates.queues(), ResponseTemplates.PLACEHOLDERS,
                PageErrors.NONE);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, @BeanParam ResponseTemplateForm form) {
        try {
            templates.update(id, form);
            return saved("changed");
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.responseTemplateForm(id, form, templates.queues(),
                    ResponseTemplates.PLACEHOLDERS, PageErrors.of(e))).build();
        }
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") String id) {
        templates.retire(id);
        return saved("retired");
    }

    private static Response saved(String what) {
        return Response.seeOther(URI.create("/admin/response-templates?saved=" + what)).build();
    }
}
