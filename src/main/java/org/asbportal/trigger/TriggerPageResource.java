package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The public explanation of the Community Trigger: who can apply, what counts, what happens and by when. */
@Path("/community-trigger")
@Produces(MediaType.TEXT_HTML)
public class TriggerPageResource {

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        static native TemplateInstance explanation(ThresholdRules.Terms terms, TriggerConfig.Deadlines deadlines);

        static native TemplateInstance figures(List<ReviewViews.YearFigures> years);
    }

    private final ThresholdRules rules;
    private final TriggerConfig config;
    private final TriggerFigures figures;

    public TriggerPageResource(ThresholdRules rules, TriggerConfig config, TriggerFigures figures) {
        this.rules = rules;
        this.config = config;
        this.figures = figures;
    }

    /** The figures published each year, as a table. */
    @GET
    @Path("/figures")
    public TemplateInstance figures() {
        return Templates.figures(figures.years());
    }

    /** The same figures as CSV, one row a year. */
    @GET
    @Path("/figures.csv")
    @Produces("text/csv")
    public Response figuresCsv() {
        StringBuilder csv = new StringBuilder("year,from,to,applications_received,threshold_not_met,reviews_carried_out,"
                + "reviews_with_recommendations,pcc_reviews_requested,pcc_reviews_upheld,pcc_reviews_overturned\r\n");
        for (ReviewViews.YearFigures year : figures.years()) {
            csv.append(year.label()).append(',').append(year.from()).append(',').append(year.to()).append(',')
                    .append(year.applicationsReceived()).append(',').append(year.thresholdNotMet()).append(',')
                    .append(year.reviewsCarriedOut()).append(',').append(year.reviewsWithRecommendations()).append(',')
                    .append(year.pccReviewsRequested()).append(',').append(year.pccReviewsUpheld()).append(',')
                    .append(year.pccReviewsOverturned()).append("\r\n");
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"community-trigger-figures.csv\"").build();
    }

    @GET
    public TemplateInstance explanation() {
        return Templates.explanation(rules.terms(), config.deadlines());
    }
}
