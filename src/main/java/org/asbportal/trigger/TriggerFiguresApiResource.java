package org.asbportal.trigger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The published Community Trigger figures as JSON: one year ({@code ?year=2026}), or every year. */
@Path("/api/v1/community-trigger/figures")
@Produces(MediaType.APPLICATION_JSON)
public class TriggerFiguresApiResource {

    private final TriggerFigures figures;

    public TriggerFiguresApiResource(TriggerFigures figures) {
        this.figures = figures;
    }

    @GET
    public Object figures(@QueryParam("year") String year) {
        return year == null ? figures.years() : figures.year(year);
    }
}
