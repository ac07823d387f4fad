package org.asbportal.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

import org.asbportal.casetracking.TrackResource;
import org.asbportal.security.ClientLimits;
import org.asbportal.security.TooManyAttemptsException;
import org.asbportal.web.PageErrors;

/**
 * "I have lost my access code": the victim gives the reference and the email address their report
 * gave, and is told the same whatever matched; the emailed link opens a page whose button issues a
 * new code (a button, not the link itself, so a mail scanner opening the link spends nothing).
 */
@Path("/track/lost-code")
@Produces(MediaType.TEXT_HTML)
public class AccessCodeResource {

    /** What the form was given, shown again with its errors. */
    public record LostCode(String reference, String email, PageErrors pageErrors) {

        public List<PageErrors.PageError> errors() {
            return pageErrors.errors();
        }

        public String error(String inputId) {
            return pageErrors.of(inputId);
        }

        public boolean hasErrors() {
            return pageErrors.any();
        }
    }

    /** The page of the emailed link: a button to get the code ({@code token}), the code issued, or neither when the link does not work. */
    public record NewCodePage(String token, AccessCodeReplacements.NewCode issued) {

        public String title() {
            return issued != null ? "Your new access code"
                    : token != null ? "Get a new access code" : "This link has expired or has already been used";
        }
    }

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance lostCode(LostCode form);

        static native TemplateInstance lostCodeSent();

        static native TemplateInstance newCode(NewCodePage page);
    }

    private final AccessCodeReplacements replacements;

    public AccessCodeResource(AccessCodeReplacements replacements) {
        this.replacements = replacements;
    }

    @GET
    public TemplateInstance form() {
        return Templates.lostCode(new LostCode("", "", PageErrors.NONE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@FormParam("reference") String reference, @FormParam("email") String email,
            @Context HttpServerRequest http) {
        String typedReference = reference == null ? "" : reference.strip();
        String typedEmail = email == null ? "" : email.strip();
        if (typedReference.isEmpty()) {
            return again(400, typedReference, typedEmail, "reference", "Enter your reference, like ASB-7KQ4-M9XP");
        }
        if (typedReference.length() > 40) {
            return again(400, "", typedEmail, "reference", "Enter your reference as it was given, like ASB-7KQ4-M9XP");
        }
        if (typedEmail.isEmpty()) {
            return again(400, typedReference, typedEmail, "email", "Enter the email address you gave with your report");
        }
        if (typedEmail.length() > 254) {
            return again(400, typedReference, "", "email", "Email address must be 254 characters or fewer");
        }
        try {
            replacements.requestLink(typedReference, typedEmail, TrackResource.client(http));
        } catch (TooManyAttemptsException e) {
            return Response.fromResponse(again(429, typedReference, typedEmail, "reference", e.reason() + ". You can try again in "
                    + ClientLimits.minutes(e.retryAfter()) + "."))
                    .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds()))).build();
        }
        return Response.seeOther(URI.create("/track/lost-code/sent")).build();
    }

    @GET
    @Path("sent")
    public TemplateInstance sent() {
        return Templates.lostCodeSent();
    }

    /** The emailed link: a button to get the new code while it works, a page saying it does not otherwise (404). */
    @GET
    @Path("new/{token}")
    public Response link(@PathParam("token") String token) {
        return replacements.works(token) ? TrackResource.page(200, Templates.newCode(new NewCodePage(token, null)))
                : TrackResource.page(404, Templates.newCode(new NewCodePage(null, null)));
    }

    /** Issues the new code, once, and shows it. */
    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replace(@FormParam("token") String token) {
        return replacements.replace(token).map(issued -> TrackResource.page(200, Templates.newCode(new NewCodePage(null, issued))))
                .orElseGet(() -> TrackResource.page(404, Templates.newCode(new NewCodePage(null, null))));
    }

    private static Response again(int status, String reference, String email, String field, String message) {
        return TrackResource.page(status, Templates.lostCode(new LostCode(reference, email, PageErrors.of(field, message))));
    }
}
