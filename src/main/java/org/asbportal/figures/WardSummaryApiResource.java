package org.asbportal.figures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.asbportal.security.Role;
import org.asbportal.web.ApiDocument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A ward's summary as JSON: councillors for their wards, other staff for any. */
@Path("/api/v1/wards/{code}/summary")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER, Role.TRIGGER_COORDINATOR, Role.PLEDGE_REVIEWER,
    Role.COUNCILLOR})
@Tag(name = "Ward figures")
@SecurityRequirement(name = ApiDocument.BASIC)
@SecurityRequirement(name = ApiDocument.TOKEN)
public class WardSummaryApiResource {

    private final WardSummaryService summaries;

    public WardSummaryApiResource(WardSummaryService summaries) {
        this.summaries = summaries;
    }

    @Operation(summary = "A ward's summary: counts by month and kind, reports, police-recorded ASB (councillors: their wards)")
    @APIResponse(responseCode = "404", description = "No such ward")
    @GET
    public WardSummary summary(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        return summaries.summary(code, summaries.range(from, to));
    }
}
