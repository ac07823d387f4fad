package org.asbportal.admin;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import org.asbportal.admin.ApiTokenPages.TokenPage;
import org.asbportal.security.ApiTokens.Issued;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/** Every member of staff makes and revokes API tokens for their own scripts, on a page signed in with the form. */
@Path("/staff/api-tokens")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ApiTokenResource {

    private final ApiTokenPages pages;

    public ApiTokenResource(ApiTokenPages pages) {
        this.pages = pages;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return ApiTokenTemplates.of(pages.own(), ApiTokenTemplates.savedMessage(saved));
    }

    /** The new token is shown on this response only (never stored, never redirected to). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("days") String days) {
        return createAndShow(pages, pages::own, name, days, null, List.of());
    }

    @POST
    @Path("/{token}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("token") String token) {
        TokenPage page = pages.own();
        pages.revoke(page, token);
        return Response.seeOther(URI.create(page.basePath() + "?saved=revoked")).build();
    }

    /** Makes a token and shows it with the page as it now is; or the form again with its problems (400). */
    static Response createAndShow(ApiTokenPages pages, Supplier<TokenPage> load, String name, String days,
            String open311Write, List<String> open311Services) {
        TokenPage page = load.get();
        List<String> services = open311Services == null ? List.of() : open311Services;
        try {
            Issued issued = pages.create(page, name, days, open311Write, services);
            return Response.ok(ApiTokenTemplates.apiTokens(load.get(), issued, PageErrors.NONE, "",
                    String.valueOf(page.suggestedDays()), List.of(), List.of(), null)).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(ApiTokenTemplates.apiTokens(page, null, PageErrors.of(e), name, days,
                    open311Write == null ? List.of() : List.of(open311Write), services, null)).build();
        }
    }
}
