package org.asbportal.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The resident's report journey in HTML: a question per page, answers carried in the form so any
 * replica can serve the next page, check your answers, then a confirmation with the reference.
 */
@Path("/report")
@Produces(MediaType.TEXT_HTML)
public class ReportFormResource {

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance danger(ReportPage page);

        static native TemplateInstance emergency(ReportPage page);

        static native TemplateInstance category(ReportPage page);

        static native TemplateInstance where(ReportPage page);

        static native TemplateInstance when(ReportPage page);

        static native TemplateInstance what(ReportPage page);

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
    public Response start() {
        return render(form.start());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(MultivaluedMap<String, String> fields, @Context HttpServerRequest http) {
        return render(form.answer(fields, http.remoteAddress().hostAddress()));
    }

    private static Response render(ReportFormService.Outcome outcome) {
        TemplateInstance page = outcome.confirmation() != null
                ? Templates.confirmation(outcome.confirmation())
                : template(outcome.page(), outcome.emergency());
        int status = outcome.page() != null && outcome.page().hasErrors() ? 400 : 200;
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }

    private static TemplateInstance template(ReportPage page, boolean emergency) {
        if (emergency) {
            return Templates.emergency(page);
        }
        return switch (page.step()) {
            case DANGER -> Templates.danger(page);
            case CATEGORY -> Templates.category(page);
            case WHERE -> Templates.where(page);
            case WHEN -> Templates.when(page);
            case WHAT -> Templates.what(page);
            case IMPACT -> Templates.impact(page);
            case ABOUT -> Templates.about(page);
            case DETAILS -> Templates.details(page);
            case EQUALITY -> Templates.equality(page);
            case CONSENT -> Templates.consent(page);
            case CHECK -> Templates.check(page);
        };
    }

}
