package org.asbportal.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One's own sign-in: when the account last signed in before this time, the sessions open now (so a
 * sign-in nobody remembers shows), "sign out everywhere", and whether two-factor sign-in is on.
 */
@Path("/staff/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class StaffAccountResource {

    /** A session in the list: when it began, from which browser, and whether it is this one. */
    public record SessionView(Instant createdAt, String browser, boolean current, boolean waitingForCode) {
    }

    private final CurrentStaff staff;
    private final StaffSessions sessions;
    private final TwoFactorService twoFactor;

    public StaffAccountResource(CurrentStaff staff, StaffSessions sessions, TwoFactorService twoFactor) {
        this.staff = staff;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
    }

    @CheckedTemplate(basePath = "security")
    static class Templates {
        static native TemplateInstance account(StaffAccount account, List<SessionView> sessions, boolean twoFactor,
                boolean twoFactorRequired);
    }

    @GET
    public Response page(@CookieParam(StaffSessions.COOKIE) String token) {
        StaffAccount account = staff.account();
        List<SessionView> open = sessions.openSessions(account.id).stream()
                .map(s -> new SessionView(s.createdAt, s.browser == null ? "Unknown browser" : s.browser,
                        StaffSessions.isToken(s, token), s.secondFactor != null))
                .toList();
        return Response.ok(Templates.account(account, open, twoFactor.enabled(account.id), twoFactor.required(account)))
                .header("Cache-Control", "no-store").build();
    }

    /** Ends every session of the account, this one included, on every replica. */
    @POST
    @Path("/sign-out-everywhere")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOutEverywhere(HttpServerResponse response) {
        sessions.endAllOf(staff.account().id, staff.username());
        sessions.expireCookies(response);
        return Response.seeOther(URI.create("/login?signed-out=true")).build();
    }
}
