package org.asbportal.triage;

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

import org.asbportal.security.AccessCodes;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.triage.TaskViews.FilledLetter;
import org.asbportal.triage.TaskViews.LetterView;
import org.asbportal.triage.TaskViews.TemplateOption;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * Letters on a case: choose a letter and type who it is to; edit the letter filled from the case;
 * save it as sent; print it. Staff who work cases only (councillors and other roles never see a case).
 * Rooted at {@code /staff} like {@link StaffResource}: REST routes classes by their own path first, so a
 * class rooted deeper under {@code /staff/cases/{reference}} would hide the case page.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
public class LetterResource {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance letterNew(String staffName, String reference, List<TemplateOption> templates,
                LetterService.FillForm form, PageErrors errors);

        static native TemplateInstance letterEdit(String staffName, FilledLetter letter, PageErrors errors);

        static native TemplateInstance letter(String staffName, LetterView letter, boolean saved);
    }

    private final LetterService letters;
    private final LetterTemplates templates;
    private final CurrentStaff staff;

    public LetterResource(LetterService letters, LetterTemplates templates, CurrentStaff staff) {
        this.letters = letters;
        this.templates = templates;
        this.staff = staff;
    }

    @GET
    @Path("/cases/{reference}/letters/new")
    public TemplateInstance choose(@PathParam("reference") String reference, @QueryParam("template") String template) {
        String ref = letters.openCase(reference);
        return Templates.letterNew(staff.account().displayName, ref, templates.options(),
                new LetterService.FillForm(template, null, null), PageErrors.NONE);
    }

    @POST
    @Path("/cases/{reference}/letters/fill")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fill(@PathParam("reference") String reference, @FormParam("template") String template,
            @FormParam("recipientName") String recipientName, @FormParam("recipientAddress") String recipientAddress) {
        LetterService.FillForm form = new LetterService.FillForm(template, recipientName, recipientAddress);
        try {
            return Response.ok(Templates.letterEdit(staff.account().displayName, letters.fill(reference, form), PageErrors.NONE))
                    .build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.letterNew(staff.account().displayName, letters.openCase(reference),
                    templates.options(), form, PageErrors.of(e))).build();
        }
    }

    @POST
    @Path("/cases/{reference}/letters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("reference") String reference, @FormParam("template") String template,
            @FormParam("version") Integer version, @FormParam("text") String text) {
        try {
            long id = letters.save(reference, new LetterService.SaveForm(template, version, text));
            return Response.seeOther(URI.create("/staff/cases/" + AccessCodes.normaliseReference(reference) + "/letters/" + id + "?saved=true"))
                    .build();
        } catch (InvalidSubmissionException e) {
            String ref = letters.openCase(reference);
            String name = templates.options().stream().filter(o -> o.code().equals(template)).map(TemplateOption::name)
                    .findFirst().orElse("Letter");
            FilledLetter typed = new FilledLetter(ref, template, name, version == null ? 0 : version, text);
            return Response.status(400).entity(Templates.letterEdit(staff.account().displayName, typed, PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/cases/{reference}/letters/{id}")
    public TemplateInstance letter(@PathParam("reference") String reference, @PathParam("id") long id,
            @QueryParam("saved") boolean saved) {
        return Templates.letter(staff.account().displayName, letters.letter(reference, id), saved);
    }
}
