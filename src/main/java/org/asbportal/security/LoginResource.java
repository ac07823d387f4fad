package org.asbportal.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Staff sign in with a form (posted to Quarkus' j_security_check) and sign out here. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    static final String SESSION_COOKIE = "asb-session";

    private final StaffSessions sessions;

    public LoginResource(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @CheckedTemplate(basePath = "security")
    static class Templates {
        static native TemplateInstance login(boolean error, boolean signedOut, boolean reset);
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("error") boolean error, @QueryParam("signed-out") boolean signedOut,
            @QueryParam("reset") boolean reset) {
        return Response.status(error ? 401 : 200).entity(Templates.login(error, signedOut, reset))
                .header("Cache-Control", "no-store").build();
    }

    /**
     * Signs out: the session ends on the server ({@link StaffSessions}), so a copy of its cookies no
     * longer signs anyone in, and its cookies are expired; the form carries a CSRF token like every other. The
     * expired cookie goes into the response's own cookies, where signing in puts the renewed cookie of
     * a session older than the renewal interval: it replaces that one instead of being followed by it.
     */
    @POST
    @Path("logout")
    public Response logout(@CookieParam(StaffSessions.COOKIE) String token, HttpServerResponse response) {
        sessions.end(token);
        sessions.expireCookies(response);
        return Response.seeOther(URI.create("/login?signed-out=true")).build();
    }
}
