package org.asbportal.triage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

import org.asbportal.security.Role;
import org.asbportal.triage.CaseViews.QueuePage;
import org.asbportal.triage.CaseViews.QueueSummary;
import org.asbportal.web.ApiDocument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Triage queues for integrations and scripts (HTTP Basic). */
@Path("/api/v1/queues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
@Tag(name = "Triage")
@SecurityRequirement(name = ApiDocument.BASIC)
@SecurityRequirement(name = ApiDocument.TOKEN)
public class QueueApiResource {

    /**
     * One action on many cases: {@code action} is claim, assign (with {@code assignee}), transfer (with
     * {@code queue} and {@code reason}) or duplicate (with {@code primary}, the case to keep).
     */
    public record BulkRequest(String action, List<String> references, String assignee, String queue, String reason,
            String primary) {
    }

    private final CaseService cases;
    private final BulkService bulk;

    public QueueApiResource(CaseService cases, BulkService bulk) {
        this.cases = cases;
        this.bulk = bulk;
    }

    @Operation(summary = "The queues this account may work, with open, unassigned and overdue counts")
    @GET
    public List<QueueSummary> queues() {
        return cases.myQueues();
    }

    @Operation(summary = "A page of a queue's items, filtered, highest risk first (next page by cursor)")
    @APIResponse(responseCode = "404", description = "No such queue among yours")
    @GET
    @Path("/{code}/items")
    public QueuePage items(@PathParam("code") String code, @QueryParam("status") String status,
            @QueryParam("category") String category, @QueryParam("risk") String risk, @QueryParam("ward") String ward,
            @QueryParam("assigned") String assigned, @QueryParam("overdue") boolean overdue,
            @QueryParam("sort") String sort, @QueryParam("cursor") String cursor) {
        return cases.queue(code, QueueFilter.of(status, category, risk, ward, assigned, overdue, sort), cursor);
    }

    @Operation(summary = "Claim, assign, transfer or close as duplicates many cases at once, each as a single change is made")
    @APIResponse(responseCode = "400", description = "Nothing selected, or the action lacks what it needs: nothing changed")
    @APIResponse(responseCode = "404", description = "No such queue among yours")
    @POST
    @Path("/{code}/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkService.Result bulk(@PathParam("code") String code, BulkRequest request) {
        BulkRequest body = request == null ? new BulkRequest(null, null, null, null, null, null) : request;
        return bulk.apply(code, new QueueTools.BulkForm(body.action(), body.references() == null ? List.of() : body.references(),
                body.assignee(), body.queue(), body.reason(), body.primary(), null)).result();
    }
}
