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

/** Triage queues for integrations and scripts (HTTP Basic). */
@Path("/api/v1/queues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
public class QueueApiResource {

    private final CaseService cases;

    public QueueApiResource(CaseService cases) {
        this.cases = cases;
    }

    @GET
    public List<QueueSummary> queues() {
        return cases.myQueues();
    }

    @GET
    @Path("/{code}/items")
    public QueuePage items(@PathParam("code") String code, @QueryParam("status") String status,
            @QueryParam("category") String category, @QueryParam("risk") String risk, @QueryParam("ward") String ward,
            @QueryParam("assigned") String assigned, @QueryParam("overdue") boolean overdue,
            @QueryParam("cursor") String cursor) {
        return cases.queue(code, QueueFilter.of(status, category, risk, ward, assigned, overdue), cursor);
    }
}
