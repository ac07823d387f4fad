package org.asbportal.figures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.asbportal.security.Role;

/** A ward's summary as JSON: councillors for their wards, other staff for any. */
@Path("/api/v1/wards/{code}/summary")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER, Role.TRIGGER_COORDINATOR, Role.PLEDGE_REVIEWER,
    Role.COUNCILLOR})
public class WardSummaryApiResource {

    private final WardSummaryService summaries;

    public WardSummaryApiResource(WardSummaryService summaries) {
        this.summaries = summaries;
    }

    @GET
    public WardSummary summary(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        return summaries.summary(code, summaries.range(from, to));
    }
}
