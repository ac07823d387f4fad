package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import java.util.List;
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
 * The Community Trigger application in HTML: a topic per address ({@code GET
 * /community-trigger/apply/{page}} shows it, {@code POST} saves it and redirects to the next),
 * answers kept server-side behind a cookie, check your answers, then the confirmation at its own
 * address with the reference, the access code and the date of each step.
 */
@Path("/community-trigger/apply")
@Produces(MediaType.TEXT_HTML)
public class TriggerFormResource extends JourneyResource<TriggerPage, TriggerConfirmation> {

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
    }

    private final TriggerFormService form;

    public TriggerFormResource(TriggerFormService form) {
        this.form = form;
    }

    /** Starts or resumes the application; {@code report} pre-fills a well-formed report reference (from the victim's case page). */
    @GET
    public Response start(@QueryParam("report") List<String> reports, @Context HttpHeaders headers) {
        return respond(form.start(token(headers), reports));
    }

    @Override
    protected JourneyPages<?, TriggerPage, TriggerConfirmation> pages() {
        return form.pages();
    }

    @Override
    protected TemplateInstance confirmationTemplate(TriggerConfirmation confirmation) {
        return Templates.confirmation(confirmation);
    }

    @Override
    protected TemplateInstance pageTemplate(TriggerPage page) {
        return switch (page.step().slug()) {
            case TriggerJourney.WHO -> Templates.who(page);
            case TriggerJourney.VICTIM -> Templates.victim(page);
            case TriggerJourney.CONTACT -> Templates.contact(page);
            case TriggerJourney.BEHAVIOUR -> Templates.behaviour(page);
            case TriggerJourney.REPORTS -> Templates.reports(page);
            case TriggerJourney.COMPLAINTS -> Templates.complaints(page);
            case TriggerJourney.HATE -> Templates.hate(page);
            case TriggerJourney.OUTCOME -> Templates.outcome(page);
            default -> Templates.check(page);
        };
    }
}
