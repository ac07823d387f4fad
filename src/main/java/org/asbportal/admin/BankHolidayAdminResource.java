package org.asbportal.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.asbportal.admin.BankHolidayAdminService.DivisionOption;
import org.asbportal.admin.BankHolidayAdminService.HolidayRow;
import org.asbportal.admin.BankHolidayAdminService.ImportResult;
import org.asbportal.admin.BankHolidayAdminService.Listing;
import org.asbportal.security.Role;
import org.asbportal.web.BankHolidayDivision;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Administrators list the bank holidays of each division by year, add and remove one, and import
 * GOV.UK's bank-holidays.json. Working-day deadlines skip the bank holidays of the partnership's division.
 */
@Path("/admin/bank-holidays")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class BankHolidayAdminResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance bankHolidays(Listing listing, String saved);

        static native TemplateInstance bankHolidayForm(BankHolidayForm form, List<DivisionOption> divisions, PageErrors errors);

        static native TemplateInstance bankHolidayDelete(HolidayRow holiday);

        static native TemplateInstance bankHolidayImport(PageErrors errors, ImportResult imported);
    }

    private final BankHolidayAdminService holidays;

    public BankHolidayAdminResource(BankHolidayAdminService holidays) {
        this.holidays = holidays;
    }

    @GET
    public TemplateInstance list(@QueryParam("division") String division, @QueryParam("saved") String saved) {
        return Templates.bankHolidays(holidays.list(holidays.division(division)), savedMessage(saved));
    }

    @GET
    @Path("/new")
    public TemplateInstance newForm(@QueryParam("division") String division) {
        return Templates.bankHolidayForm(BankHolidayForm.forDivision(holidays.division(division).code()), holidays.divisionOptions(),
                PageErrors.NONE);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@BeanParam BankHolidayForm form) {
        try {
            HolidayRow added = holidays.add(form);
            return saved(added.division(), "added");
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.bankHolidayForm(form, holidays.divisionOptions(), PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") String id) {
        return Templates.bankHolidayDelete(holidays.find(id));
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id) {
        HolidayRow removed = holidays.remove(id);
        return saved(removed.division(), "removed");
    }

    @GET
    @Path("/import")
    public TemplateInstance importForm() {
        return Templates.bankHolidayImport(PageErrors.NONE, null);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm(BankHolidayAdminService.FILE_FIELD) FileUpload file) throws IOException {
        if (file == null || file.uploadedFile() == null || Files.size(file.uploadedFile()) == 0) {
            return refused(PageErrors.of(BankHolidayAdminService.FILE_FIELD, "Choose GOV.UK's bank-holidays.json file to upload"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file.uploadedFile()))).toString();
        } catch (CharacterCodingException e) {
            return refused(PageErrors.of(BankHolidayAdminService.FILE_FIELD, "The file is not JSON text in UTF-8: "
                    + "upload bank-holidays.json as GOV.UK publishes it"));
        }
        try {
            return Response.ok(Templates.bankHolidayImport(PageErrors.NONE, holidays.importJson(text))).build();
        } catch (InvalidSubmissionException e) {
            return refused(PageErrors.of(e));
        }
    }

    private static Response refused(PageErrors errors) {
        return Response.status(400).entity(Templates.bankHolidayImport(errors, null)).build();
    }

    private static Response saved(BankHolidayDivision division, String what) {
        return Response.seeOther(URI.create("/admin/bank-holidays?division=" + division.code() + "&saved=" + what)).build();
    }

    private static String savedMessage(String saved) {
        if (saved == null) {
            return null;
        }
        return switch (saved) {
            case "added" -> "Bank holiday added. Deadlines set from now on skip it";
            case "removed" -> "Bank holiday removed. Deadlines set from now on count it as a working day";
            default -> null;
        };
    }
}
