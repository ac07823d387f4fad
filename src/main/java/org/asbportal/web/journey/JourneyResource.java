package org.asbportal.web.journey;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import org.asbportal.security.ClientAddress;
import org.asbportal.web.UploadedFile;
import org.jboss.resteasy.reactive.server.multipart.FileItem;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * The HTTP side of a journey, the same for every feature: {@code GET {path}/{page}} shows a page,
 * {@code POST {path}/{page}} saves it and redirects, {@code POST {path}/check} sends the draft and
 * {@code GET {path}/confirmation} shows what was sent; a page that takes files also has its multipart
 * form at {@code POST {path}/{page}/files}. Every journey can be saved to come back to
 * later: {@code {path}/save} asks where to email a link, {@code {path}/saved} says it was sent and
 * {@code {path}/resume/{token}} follows it. A feature's resource gives its path, its
 * {@link JourneyPages} and its templates, and its own start address.
 */
public abstract class JourneyResource<P, C> {

    /** The engine's own pages, the same in every journey: {@code journey/*.html}. */
    @CheckedTemplate(basePath = "journey")
    static class LaterTemplates {
        static native TemplateInstance save(LaterPage page);

        static native TemplateInstance saved(LaterPage page);

        static native TemplateInstance linkNotWorking(LaterPage page);
    }

    @Inject
    JourneyResponses responses;

    protected abstract JourneyPages<?, P, C> pages();

    /** The template of a question or check page. */
    protected abstract TemplateInstance pageTemplate(P page);

    protected abstract TemplateInstance confirmationTemplate(C confirmation);

    @GET
    @Path("confirmation")
    @Produces(MediaType.TEXT_HTML)
    public Response confirmation(@Context HttpHeaders headers) {
        return pages().confirmation(token(headers))
                .map(c -> Response.ok(confirmationTemplate(c)).header("Cache-Control", "no-store").build())
                .orElseGet(() -> Response.seeOther(URI.create(pages().journey().path())).build());
    }

    @GET
    @Path(Journeys.SAVE)
    @Produces(MediaType.TEXT_HTML)
    public Response askWhereToSend(@Context HttpHeaders headers) {
        return responses.of(pages().journey(), pages().askWhereToSend(token(headers)), LaterTemplates::save);
    }

    @POST
    @Path(Journeys.SAVE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response sendResumeLink(@FormParam("email") String email, @Context HttpServerRequest http, @Context HttpHeaders headers) {
        return responses.of(pages().journey(), pages().sendResumeLink(token(headers), email, ClientAddress.of(http)),
                LaterTemplates::save);
    }

    @GET
    @Path(Journeys.SAVED)
    @Produces(MediaType.TEXT_HTML)
    public Response resumeLinkSent(@Context HttpHeaders headers) {
        return responses.of(pages().journey(), pages().resumeLinkSent(token(headers)), LaterTemplates::saved);
    }

    @GET
    @Path(JourneyDrafts.RESUME + "/{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response resume(@PathParam("token") String resumeToken) {
        return responses.of(pages().journey(), pages().resume(resumeToken), LaterTemplates::linkNotWorking);
    }

    @GET
    @Path("{page}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("page") String page, @QueryParam("change") boolean changing,
            @QueryParam("restarted") boolean restarted, @Context HttpHeaders headers) {
        return respond(pages().show(token(headers), page, changing, restarted));
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response send(@FormParam("g-recaptcha-response") String captchaToken, @Context HttpServerRequest http,
            @Context HttpHeaders headers) {
        return respond(pages().send(token(headers), captchaToken, ClientAddress.of(http)));
    }

    @POST
    @Path("{page}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@PathParam("page") String page, @QueryParam("change") boolean changing,
            MultivaluedMap<String, String> fields, @Context HttpHeaders headers) {
        return respond(pages().save(token(headers), page, fields, changing));
    }

    /**
     * A file page's multipart form (CSRF-checked like every form: Quarkus REST's CSRF filter reads the
     * token from multipart bodies too). The file comes in the page's file input; a file input left
     * empty sends no file.
     */
    @POST
    @Path("{page}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response saveFiles(@PathParam("page") String page, @QueryParam("change") boolean changing,
            MultipartFormDataInput input, @Context HttpHeaders headers) {
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        UploadedFile file = null;
        for (Map.Entry<String, Collection<FormValue>> entry : input.getValues().entrySet()) {
            for (FormValue value : entry.getValue()) {
                if (!value.isFileItem()) {
                    fields.add(entry.getKey(), value.getValue());
                } else if (file == null) {
                    file = upload(value);
                }
            }
        }
        return respond(pages().saveFiles(token(headers), page, fields, file, changing));
    }

    /** A file the form sent, or null when its input was left empty. */
    private static UploadedFile upload(FormValue value) {
        FileItem item = value.getFileItem();
        return UploadedFile.chosen(value.getFileName(), fileSize(item), item::getInputStream);
    }

    private static long fileSize(FileItem item) {
        try {
            return item.getFileSize();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** The outcome as a page or a redirect, with the draft cookie when a draft was started. */
    protected Response respond(JourneyOutcome<P> outcome) {
        return responses.of(pages().journey(), outcome, this::pageTemplate);
    }

    /** The draft cookie's token, or null. */
    protected String token(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(pages().journey().cookieName());
        return cookie == null ? null : cookie.getValue();
    }
}
