package org.asbportal.open311.client;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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

import org.asbportal.open311.client.PartnerAdminService.EndpointForm;
import org.asbportal.open311.client.PartnerAdminService.EndpointView;
import org.asbportal.open311.client.PartnerAdminService.HandoffView;
import org.asbportal.security.Role;
import org.asbportal.triage.TriageQueue;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * Partner systems: the Open311 server a queue hands its cases out to (address, jurisdiction, API
 * key, kinds of behaviour mapped to their service codes), and the latest hand-outs with their
 * failures, which an administrator can send again at once.
 */
@Path("/admin/partners")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class PartnerAdminResource {

    @CheckedTemplate(basePath = "partners")
    static class Templates {
        static native TemplateInstance partners(List<EndpointView> endpoints, List<HandoffView> handoffs, String saved);

        static native TemplateInstance partnerForm(EndpointForm form, List<TriageQueue> queues, PageErrors errors);
    }

    private final PartnerAdminService partners;

    public PartnerAdminResource(PartnerAdminService partners) {
        this.partners = partners;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") String saved) {
        String message = "saved".equals(saved) ? "Partner system saved. Cases in its queue are handed out from the next turn"
                : "retry".equals(saved) ? "The hand-out will be sent again at the next turn, within a minute" : null;
        return Templates.partners(partners.endpoints(), partners.handoffs(), message);
    }

    @GET
    @Path("/edit")
    public TemplateInstance form(@QueryParam("queue") String queue) {
        return Templates.partnerForm(partners.form(queue), partners.queues(), PageErrors.NONE);
    }

    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("queue") String queue, @FormParam("name") String name, @FormParam("baseUrl") String baseUrl,
            @FormParam("jurisdiction") String jurisdiction, @FormParam("apiKey") String apiKey,
            @FormParam("serviceCodes") String serviceCodes, @FormParam("active") String active) {
        EndpointForm form = new EndpointForm(queue, name, baseUrl, jurisdiction, apiKey, serviceCodes, "true".equals(active));
        try {
            partners.save(form);
            return Response.seeOther(URI.create("/admin/partners?saved=saved")).build();
        } catch (InvalidSubmissionException e) {
            EndpointForm shown = new EndpointForm(queue, name, baseUrl, jurisdiction, "", serviceCodes, form.active());
            return Response.status(400).entity(Templates.partnerForm(shown, partners.queues(), PageErrors.of(e))).build();
        }
    }

    @POST
    @Path("/handoffs/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("id") long id) {
        partners.retryNow(id);
        return Response.seeOther(URI.create("/admin/partners?saved=retry")).build();
    }
}
