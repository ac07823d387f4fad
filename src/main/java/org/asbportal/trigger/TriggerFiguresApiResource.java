package org.asbportal.trigger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The published Community Trigger figures as JSON: one year ({@code ?year=2026}), or every year. */
@Path("/api/v1/community-trigger/figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community Trigger")
public class TriggerFiguresApiResource {

    private final TriggerFigures figures;

    public TriggerFiguresApiResource(TriggerFigures figures) {
        this.figures = figures;
    }

    @Operation(summary = "The published Community Trigger figures: one year (?year=2026), or every year")
    @APIResponse(responseCode = "404", description = "No such year")
    @GET
    public Object figures(@QueryParam("year") String year) {
        return year == null ? figures.years() : figures.year(year);
    }
}
