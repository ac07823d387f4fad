package org.asbportal.triage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

    private final CaseService cases;

    public QueueApiResource(CaseService cases) {
        this.cases = cases;
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
}
