package org.asbportal.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/** A member of staff who forgot their password asks for a link by email, then sets a new one with it. */
@Path("/password")
@Produces(MediaType.TEXT_HTML)
public class PasswordResetResource {

    private final PasswordResets resets;

    public PasswordResetResource(PasswordResets resets) {
        this.resets = resets;
    }

    @CheckedTemplate(basePath = "security")
    static class Templates {
        static native TemplateInstance forgotten(boolean sent, boolean tooMany);

        static native TemplateInstance reset(String token, boolean usable, String error);
    }

    @GET
    @Path("/forgotten")
    public Response forgottenPage(@QueryParam("sent") boolean sent) {
        return noStore(Response.ok(Templates.forgotten(sent, false)));
    }

    /** The same answer whether or not an account has the address. */
    @POST
    @Path("/forgotten")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgotten(@FormParam("email") String email, RoutingContext routing) {
        if (!resets.request(email, LoginThrottle.clientOf(routing))) {
            return noStore(Response.status(429).entity(Templates.forgotten(false, true)));
        }
        return Response.seeOther(URI.create("/password/forgotten?sent=true")).build();
    }

    @GET
    @Path("/reset")
    public Response resetPage(@QueryParam("token") String token) {
        boolean usable = resets.usable(token);
        return noStore(Response.status(usable ? 200 : 404).entity(Templates.reset(usable ? token : null, usable, null)));
    }

    @POST
    @Path("/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@FormParam("token") String token, @FormParam("password") String password) {
        try {
            Optional<String> problem = resets.reset(token, password);
            if (problem.isPresent()) {
                return noStore(Response.status(400).entity(Templates.reset(token, true, problem.get())));
            }
            return Response.seeOther(URI.create("/login?reset=true")).build();
        } catch (IllegalArgumentException e) {
            return noStore(Response.status(404).entity(Templates.reset(null, false, null)));
        }
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
