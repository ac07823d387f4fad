package org.asbportal.report;

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
 * The resident's report journey in HTML: a question per address ({@code GET /report/{page}} shows
 * it, {@code POST} saves it and redirects to the next), answers kept server-side behind a cookie,
 * check your answers, then the confirmation at its own address.
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
    private final JourneyResponses responses;

    public ReportFormResource(ReportFormService form, JourneyResponses responses) {
        this.form = form;
        this.responses = responses;
    }

    @GET
    public Response start(@CookieParam(ReportJourney.COOKIE) String token) {
        return respond(form.start(token));
    }

    @GET
    @Path("confirmation")
    public Response confirmation(@CookieParam(ReportJourney.COOKIE) String token) {
        return form.confirmation(token)
                .map(c -> Response.ok(Templates.confirmation(c)).header("Cache-Control", "no-store").build())
                .orElseGet(() -> Response.seeOther(URI.create("/report")).build());
    }

    @GET
    @Path("{page}")
    public Response show(@PathParam("page") String page, @QueryParam("change") boolean changing,
            @QueryParam("restarted") boolean restarted, @CookieParam(ReportJourney.COOKIE) String token) {
        return respond(form.show(token, page, changing, restarted));
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@FormParam("g-recaptcha-response") String captchaToken, @Context HttpServerRequest http,
            @CookieParam(ReportJourney.COOKIE) String token) {
        return respond(form.send(token, captchaToken, http.remoteAddress().hostAddress()));
    }

    @POST
    @Path("{page}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("page") String page, @QueryParam("change") boolean changing,
            MultivaluedMap<String, String> fields, @CookieParam(ReportJourney.COOKIE) String token) {
        return respond(form.save(token, page, fields, changing));
    }

    private Response respond(JourneyOutcome<ReportPage> outcome) {
        return responses.of(form.journey(), outcome, ReportFormResource::template);
    }

    private static TemplateInstance template(ReportPage page) {
        return switch (page.step().slug()) {
            case ReportJourney.DANGER -> Templates.danger(page);
            case ReportJourney.EMERGENCY -> Templates.emergency(page);
            case ReportJourney.CATEGORY -> Templates.category(page);
            case ReportJourney.WHERE -> Templates.where(page);
            case ReportJourney.WHEN -> Templates.when(page);
            case ReportJourney.WHAT -> Templates.what(page);
            case ReportJourney.IMPACT -> Templates.impact(page);
            case ReportJourney.ABOUT -> Templates.about(page);
            case ReportJourney.DETAILS -> Templates.details(page);
            case ReportJourney.EQUALITY -> Templates.equality(page);
            case ReportJourney.CONSENT -> Templates.consent(page);
            default -> Templates.check(page);
        };
    }
}
