package org.asbportal.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.asbportal.web.journey.JourneyPages;
import org.asbportal.web.journey.JourneyResource;

/**
 * The resident's report journey in HTML: a question per address ({@code GET /report/{page}} shows
 * it, {@code POST} saves it and redirects to the next), answers kept server-side behind a cookie,
 * check your answers, then the confirmation at its own address.
 */
@Path("/report")
@Produces(MediaType.TEXT_HTML)
public class ReportFormResource extends JourneyResource<ReportPage, Confirmation> {

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance danger(ReportPage page);

        static native TemplateInstance emergency(ReportPage page);

        static native TemplateInstance category(ReportPage page);

        static native TemplateInstance where(ReportPage page);

        static native TemplateInstance when(ReportPage page);

        static native TemplateInstance what(ReportPage page);

        static native TemplateInstance evidence(ReportPage page);

        static native TemplateInstance impact(ReportPage page);

        static native TemplateInstance about(ReportPage page);

        static native TemplateInstance details(ReportPage page);

        static native TemplateInstance equality(ReportPage page);

        static native TemplateInstance consent(ReportPage page);

        static native TemplateInstance check(ReportPage page);

        static native TemplateInstance confirmation(Confirmation confirmation);
    }

    private final ReportFormService form;

    public ReportFormResource(ReportFormService form) {
        this.form = form;
    }

    @GET
    public Response start(@Context HttpHeaders headers) {
        return respond(form.pages().start(token(headers), null));
    }

    /** The "where" page with the streets and postcodes matching what the resident typed, to choose from. */
    @GET
    @Path("where/places")
    public Response places(@QueryParam("q") String query, @QueryParam("change") boolean changing,
            @Context HttpHeaders headers) {
        return respond(form.searchPlaces(token(headers), query, changing));
    }

    @Override
    protected JourneyPages<?, ReportPage, Confirmation> pages() {
        return form.pages();
    }

    @Override
    protected TemplateInstance confirmationTemplate(Confirmation confirmation) {
        return Templates.confirmation(confirmation);
    }

    @Override
    protected TemplateInstance pageTemplate(ReportPage page) {
        return switch (page.step().slug()) {
            case ReportJourney.DANGER -> Templates.danger(page);
            case ReportJourney.EMERGENCY -> Templates.emergency(page);
            case ReportJourney.CATEGORY -> Templates.category(page);
            case ReportJourney.WHERE -> Templates.where(page);
            case ReportJourney.WHEN -> Templates.when(page);
            case ReportJourney.WHAT -> Templates.what(page);
            case ReportJourney.EVIDENCE -> Templates.evidence(page);
            case ReportJourney.IMPACT -> Templates.impact(page);
            case ReportJourney.ABOUT -> Templates.about(page);
            case ReportJourney.DETAILS -> Templates.details(page);
            case ReportJourney.EQUALITY -> Templates.equality(page);
            case ReportJourney.CONSENT -> Templates.consent(page);
            default -> Templates.check(page);
        };
    }
}
