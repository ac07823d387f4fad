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
import org.asbportal.admin.QueueAdminService.QueueRow;
import org.asbportal.security.Organisation;
import org.asbportal.security.Role;
import org.asbportal.web.InvalidSubmissionException;

/** Administrators list, add and edit the triage queues. */
@Path("/admin/queues")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class QueueAdminResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance queues(List<QueueRow> queues, String saved);

        static native TemplateInstance queueForm(String id, QueueForm form, List<Organisation> organisations, PageErrors errors);
    }

    private final QueueAdminService queues;

    public QueueAdminResource(QueueAdminService queues) {
        this.queues = queues;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.queues(queues.list(), Forms.savedCode(saved, "Queue"));
    }

    @GET
    @Path("/new")
    public TemplateInstance newForm() {
        return Templates.queueForm(null, new QueueForm(), queues.organisations(), PageErrors.NONE);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam QueueForm form) {
        try {
            return saved(queues.create(form).code);
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.queueForm(null, form, queues.organisations(), PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance editForm(@PathParam("id") String id) {
        return Templates.queueForm(id, queues.form(id), queues.organisations(), PageErrors.NONE);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, @BeanParam QueueForm form) {
        try {
            return saved(queues.update(id, form).code);
        } catch (InvalidSubmissionException e) {
            form.code = queues.form(id).code;
            return Response.status(400).entity(Templates.queueForm(id, form, queues.organisations(), PageErrors.of(e))).build();
        }
    }

    private static Response saved(String code) {
        return Response.seeOther(URI.create("/admin/queues?saved=" + code)).build();
    }
}
