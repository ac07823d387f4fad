package org.asbportal.triage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

import org.asbportal.category.CategoryService;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.triage.QueueTools.BulkForm;
import org.asbportal.ward.WardService;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Working a queue all day: one action on many of its cases, saved filters, and the page listing the
 * queue's keyboard shortcuts. Problems show the queue page again with an error summary; success
 * redirects to it with a banner (post/redirect/get).
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
public class BulkResource {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance keyboard(String staffName);
    }

    private final BulkService bulk;
    private final SavedFilters filters;
    private final CaseService cases;
    private final CurrentStaff staff;
    private final CategoryService categories;
    private final WardService wards;

    public BulkResource(BulkService bulk, SavedFilters filters, CaseService cases, CurrentStaff staff,
            CategoryService categories, WardService wards) {
        this.bulk = bulk;
        this.filters = filters;
        this.cases = cases;
        this.staff = staff;
        this.categories = categories;
        this.wards = wards;
    }

    @POST
    @Path("/queues/{code}/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(@PathParam("code") String code, @RestForm String action, @RestForm List<String> references,
            @RestForm String assignee, @RestForm String queue, @RestForm String reason, @RestForm String primary,
            @RestForm String back) {
        BulkForm form = new BulkForm(action, references == null ? List.of() : references, assignee, queue, reason, primary, back);
        try {
            return Response.seeOther(URI.create(bulk.apply(code, form).redirect(code, back))).build();
        } catch (InvalidSubmissionException e) {
            // The form's inputs are named for the service's fields, with a prefix of their own on the queue page.
            PageErrors errors = new PageErrors(e.errors().stream()
                    .map(f -> new PageErrors.PageError("bulk-" + f.field(), f.message())).toList());
            return Response.status(400).entity(queuePage(code, back, bulk.tools(code, form, errors, null))).build();
        }
    }

    @POST
    @Path("/queues/{code}/filters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveFilter(@PathParam("code") String code, @RestForm String name, @RestForm String back) {
        try {
            SavedFilter saved = filters.save(code, name, back);
            String query = saved.query.isEmpty() ? "" : saved.query + "&";
            return Response.seeOther(URI.create("/staff/queues/" + code + "?" + query + "filter=saved")).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(queuePage(code, back,
                    bulk.tools(code, BulkForm.EMPTY, PageErrors.of(e), name))).build();
        }
    }

    @POST
    @Path("/queues/{code}/filters/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteFilter(@PathParam("code") String code, @PathParam("id") long id) {
        filters.delete(code, id);
        return Response.seeOther(URI.create("/staff/queues/" + code + "?filter=deleted")).build();
    }

    @GET
    @Path("/help/keyboard")
    public TemplateInstance keyboard() {
        return Templates.keyboard(staff.account().displayName);
    }

    /** The queue's first page with the filter the form was sent from, and the form's problems. */
    private TemplateInstance queuePage(String code, String back, QueueTools tools) {
        return StaffResource.Templates.queue(staff.account().displayName, cases.queue(code, QueueFilter.parse(back), null),
                categories.all(), wards.all(), tools);
    }
}
