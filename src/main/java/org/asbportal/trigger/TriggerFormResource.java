package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;

import org.asbportal.web.journey.JourneyOutcome;
import org.asbportal.web.journey.JourneyResponses;

/**
 * The Community Trigger application in HTML: a topic per address ({@code GET
 * /community-trigger/apply/{page}} shows it, {@code POST} saves it and redirects to the next),
 * answers kept server-side behind a cookie, check your answers, then the confirmation at its own
 * address with the reference, the access code and the date of each step.
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
    }

    private final TriggerFormService form;
    private final JourneyResponses responses;

    public TriggerFormResource(TriggerFormService form, JourneyResponses responses) {
        this.form = form;
        this.responses = responses;
    }

    /** Starts or resumes the application; {@code report} pre-fills a well-formed report reference (from the victim's case page). */
    @GET
    public Response start(@QueryParam("report") String report, @CookieParam(TriggerJourney.COOKIE) String token) {
        return respond(form.start(token, report));
    }

    @GET
    @Path("confirmation")
    public Response confirmation(@CookieParam(TriggerJourney.COOKIE) String token) {
        return form.confirmation(token)
                .map(c -> Response.ok(Templates.confirmation(c)).header("Cache-Control", "no-store").build())
                .orElseGet(() -> Response.seeOther(URI.create("/community-trigger/apply")).build());
    }

    @GET
    @Path("{page}")
    public Response show(@PathParam("page") String page, @QueryParam("change") boolean changing,
            @QueryParam("restarted") boolean restarted, @CookieParam(TriggerJourney.COOKIE) String token) {
        return respond(form.show(token, page, changing, restarted));
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@FormParam("g-recaptcha-response") String captchaToken, @Context HttpServerRequest http,
            @CookieParam(TriggerJourney.COOKIE) String token) {
        return respond(form.send(token, captchaToken, http.remoteAddress().hostAddress()));
    }

    @POST
    @Path("{page}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("page") String page, @QueryParam("change") boolean changing,
            MultivaluedMap<String, String> fields, @CookieParam(TriggerJourney.COOKIE) String token) {
        return respond(form.save(token, page, fields, changing));
    }

    private Response respond(JourneyOutcome<TriggerPage> outcome) {
        return responses.of(form.journey(), outcome, TriggerFormResource::template);
    }

    private static TemplateInstance template(TriggerPage page) {
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
