package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The Community Trigger application in HTML: a topic per page, answers carried in the form so any
 * replica can serve the next page, check your answers, then a confirmation with the reference, the
 * access code and the date of each step.
 */
@Path("/community-trigger/apply")
@Produces(MediaType.TEXT_HTML)
public class TriggerFormResource {

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        static native TemplateInstance who(TriggerPage page);

        static native TemplateInstance victim(TriggerPage page);

        static native TemplateInstance contact(TriggerPage page);

        static native TemplateInstance behaviour(TriggerPage page);

        static native TemplateInstance reports(TriggerPage page);

        static native TemplateInstance complaints(TriggerPage page);

        static native TemplateInstance hate(TriggerPage page);

        static native TemplateInstance outcome(TriggerPage page);

        static native TemplateInstance check(TriggerPage page);

        static native TemplateInstance confirmation(TriggerConfirmation confirmation);

        static native TemplateInstance unreadable();
    }

    private final TriggerFormService form;

    public TriggerFormResource(TriggerFormService form) {
        this.form = form;
    }

    /** The first question; {@code report} pre-fills a well-formed report reference (from the victim's case page). */
    @GET
    public Response start(@QueryParam("report") String report) {
        return render(form.start(report));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(MultivaluedMap<String, String> fields, @Context HttpServerRequest http) {
        return render(form.answer(fields, http.remoteAddress().hostAddress()));
    }

    private static Response render(TriggerFormService.Outcome outcome) {
        if (outcome.unreadable()) {
            return Response.status(400).entity(Templates.unreadable()).header("Cache-Control", "no-store").build();
        }
        TemplateInstance page = outcome.confirmation() != null
                ? Templates.confirmation(outcome.confirmation())
                : template(outcome.page());
        int status = outcome.page() != null && outcome.page().hasErrors() ? 400 : 200;
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }

    private static TemplateInstance template(TriggerPage page) {
        return switch (page.step()) {
            case WHO -> Templates.who(page);
            case VICTIM -> Templates.victim(page);
            case CONTACT -> Templates.contact(page);
            case BEHAVIOUR -> Templates.behaviour(page);
            case REPORTS -> Templates.reports(page);
            case COMPLAINTS -> Templates.complaints(page);
            case HATE -> Templates.hate(page);
            case OUTCOME -> Templates.outcome(page);
            case CHECK -> Templates.check(page);
        };
    }
}
