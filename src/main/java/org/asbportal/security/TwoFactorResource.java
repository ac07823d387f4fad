package org.asbportal.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

import org.asbportal.security.TwoFactorService.Enrolment;

/**
 * Two-factor sign-in pages of one's own account: setting up an authenticator app (a QR code, then
 * a code from the app, then ten recovery codes), and the code asked for after the password.
 */
@Path("/staff/two-factor")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TwoFactorResource {

    private final TwoFactorService twoFactor;
    private final CurrentStaff staff;
    private final SecurityIdentity identity;

    public TwoFactorResource(TwoFactorService twoFactor, CurrentStaff staff, SecurityIdentity identity) {
        this.twoFactor = twoFactor;
        this.staff = staff;
        this.identity = identity;
    }

    @CheckedTemplate(basePath = "security")
    static class Templates {
        static native TemplateInstance twoFactorVerify(String error);

        static native TemplateInstance twoFactorSetUp(Enrolment enrolment, boolean required, String error);

        static native TemplateInstance twoFactorCodes(List<String> codes);
    }

    /** The code asked for after the password; a session not waiting for one has nothing to do here. */
    @GET
    @Path("/verify")
    public Response verifyPage() {
        if (!TwoFactorService.CODE.equals(identity.getAttribute(SecondFactorGate.ATTRIBUTE))) {
            return start();
        }
        return noStore(Response.ok(Templates.twoFactorVerify(null)));
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@FormParam("code") String code, @CookieParam(StaffSessions.COOKIE) String token) {
        if (!TwoFactorService.CODE.equals(identity.getAttribute(SecondFactorGate.ATTRIBUTE))) {
            return start();
        }
        try {
            twoFactor.verify(staff.account(), code, token);
            return start();
        } catch (TwoFactorException e) {
            return noStore(Response.status(400).entity(Templates.twoFactorVerify(e.getMessage())));
        }
    }

    @GET
    @Path("/set-up")
    public Response setUpPage() {
        StaffAccount account = staff.account();
        if (twoFactor.enabled(account.id)) {
            return start();
        }
        return noStore(Response.ok(Templates.twoFactorSetUp(twoFactor.begin(account), twoFactor.required(account), null)));
    }

    /** A right code turns two-factor on and shows the recovery codes, on this response only. */
    @POST
    @Path("/set-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setUp(@FormParam("code") String code, @CookieParam(StaffSessions.COOKIE) String token) {
        StaffAccount account = staff.account();
        if (twoFactor.enabled(account.id)) {
            return start();
        }
        try {
            return noStore(Response.ok(Templates.twoFactorCodes(twoFactor.confirm(account, code, token))));
        } catch (TwoFactorException e) {
            return noStore(Response.status(400).entity(
                    Templates.twoFactorSetUp(twoFactor.begin(account), twoFactor.required(account), e.getMessage())));
        }
    }

    private static Response start() {
        return Response.seeOther(URI.create("/staff/start")).header("Cache-Control", "no-store").build();
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").build();
    }
}
