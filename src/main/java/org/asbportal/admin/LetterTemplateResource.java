package org.asbportal.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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

import org.asbportal.security.Role;
import org.asbportal.triage.LetterTemplateConflictException;
import org.asbportal.triage.LetterTemplates;
import org.asbportal.triage.TaskViews.TemplateEdit;
import org.asbportal.triage.TaskViews.TemplateSummary;
import org.asbportal.triage.TaskViews.TemplateVersionView;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * Administrators maintain the letter templates staff prepare letters from: editing one saves a new
 * version and keeps the old ones, which stay readable here.
 */
@Path("/admin/letters")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class LetterTemplateResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance letters(List<TemplateSummary> templates, String saved);

        static native TemplateInstance letterForm(TemplateEdit template, String name, String body, int basedOn,
                List<String> placeholders, PageErrors errors, String conflict);

        static native TemplateInstance letterVersion(TemplateVersionView version);
    }

    private final LetterTemplates templates;

    public LetterTemplateResource(LetterTemplates templates) {
        this.templates = templates;
    }

    @GET
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.letters(templates.all(), saved == null ? null : "Letter template saved as a new version");
    }

    @GET
    @Path("/{code}")
    public TemplateInstance edit(@PathParam("code") String code) {
        TemplateEdit template = templates.edit(code);
        return Templates.letterForm(template, template.latest().name(), template.latest().body(), template.latest().version(),
                LetterTemplates.PLACEHOLDER_NAMES, PageErrors.NONE, null);
    }

    @POST
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("code") String code, @FormParam("name") String name, @FormParam("body") String body,
            @FormParam("basedOn") Integer basedOn) {
        TemplateEdit template = templates.edit(code);
        try {
            templates.saveVersion(code, name, body, basedOn);
            return Response.seeOther(URI.create("/admin/letters?saved=" + template.code())).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.letterForm(template, name, body, basedOn == null ? 0 : basedOn,
                    LetterTemplates.PLACEHOLDER_NAMES, PageErrors.of(e), null)).build();
        } catch (LetterTemplateConflictException e) {
            return Response.status(409).entity(Templates.letterForm(template, name, body, template.latest().version(),
                    LetterTemplates.PLACEHOLDER_NAMES, PageErrors.NONE, e.getMessage())).build();
        }
    }

    @GET
    @Path("/{code}/versions/{version}")
    public TemplateInstance version(@PathParam("code") String code, @PathParam("version") int version) {
        return Templates.letterVersion(templates.version(code, version));
    }
}
