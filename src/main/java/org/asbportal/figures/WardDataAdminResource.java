package org.asbportal.figures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.asbportal.web.PageErrors;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.ward.WardAdminService.WardReplaceResult;
import org.asbportal.web.InvalidSubmissionException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.asbportal.ward.WardAdminService;
import org.asbportal.ward.Places;
import org.asbportal.figures.PostcodeImportService.PostcodeImportResult;

/**
 * Administrators upload police data files, ward boundaries and postcodes from the browser. Uploads are written
 * to disk as they arrive and read from there, so a large file never sits in memory.
 */
@Path("/admin/wards")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class WardDataAdminResource {

    @CheckedTemplate(basePath = "ward")
    static class Templates {
        static native TemplateInstance wardData(PageErrors errors, PoliceImportResult imported, WardReplaceResult replaced,
                String codeProperty, String nameProperty, PostcodeImportResult postcodes, long gazetteerStreets,
                long gazetteerPostcodes);
    }

    private static final String CODE_PROPERTY = "cmwd11cd";
    private static final String NAME_PROPERTY = "cmwd11nm";

    private final PoliceImportService imports;
    private final WardAdminService wards;
    private final CurrentStaff staff;

    private final PostcodeImportService postcodes;
    private final Places places;

    public WardDataAdminResource(PoliceImportService imports, WardAdminService wards, CurrentStaff staff,
            PostcodeImportService postcodes, Places places) {
        this.postcodes = postcodes;
        this.places = places;
        this.imports = imports;
        this.wards = wards;
        this.staff = staff;
    }

    @GET
    public TemplateInstance page() {
        return page(PageErrors.NONE, null, null, CODE_PROPERTY, NAME_PROPERTY);
    }

    @POST
    @Path("/police-import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance importPolice(@RestForm("policeFile") FileUpload file) throws IOException {
        if (isEmpty(file)) {
            return page(PageErrors.of("policeFile", "Choose a police data CSV file to upload"), null, null,
                    CODE_PROPERTY, NAME_PROPERTY);
        }
        try (Reader reader = Files.newBufferedReader(file.uploadedFile(), StandardCharsets.UTF_8)) {
            return page(PageErrors.NONE, imports.importCsv(reader, staff.username()), null,
                    CODE_PROPERTY, NAME_PROPERTY);
        } catch (InvalidSubmissionException e) {
            return page(PageErrors.of("policeFile", e.errors().get(0).message()), null, null,
                    CODE_PROPERTY, NAME_PROPERTY);
        } catch (java.io.UncheckedIOException | java.nio.charset.MalformedInputException e) {
            return page(PageErrors.of("policeFile", "The file is not text in UTF-8: save it as CSV and try again"),
                    null, null, CODE_PROPERTY, NAME_PROPERTY);
        }
    }

    @POST
    @Path("/boundaries")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance replaceBoundaries(@RestForm("boundariesFile") FileUpload file,
            @RestForm String codeProperty, @RestForm String nameProperty) throws IOException {
        String code = codeProperty == null ? "" : codeProperty.strip();
        String name = nameProperty == null ? "" : nameProperty.strip();
        if (isEmpty(file)) {
            return page(PageErrors.of("boundariesFile", "Choose a GeoJSON file of ward boundaries to upload"),
                    null, null, code, name);
        }
        String geojson;
        try {
            geojson = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            return page(PageErrors.of("boundariesFile", "The file is not GeoJSON text in UTF-8"), null, null,
                    code, name);
        }
        try {
            return page(PageErrors.NONE, null, wards.replace(geojson, code, name, staff.username()), code, name);
        } catch (InvalidSubmissionException e) {
            PageErrors errors = new PageErrors(e.errors().stream().map(f -> new PageErrors.PageError(
                    "boundaries".equals(f.field()) ? "boundariesFile" : f.field(), f.message())).toList());
            return page(errors, null, null, code, name);
        }
    }

    @POST
    @Path("/postcodes")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance importPostcodes(@RestForm("postcodeFile") FileUpload file) throws IOException {
        if (isEmpty(file)) {
            return page(PageErrors.of("postcodeFile", "Choose a postcode CSV file to upload"), null, null,
                    CODE_PROPERTY, NAME_PROPERTY);
        }
        try (Reader reader = Files.newBufferedReader(file.uploadedFile(), StandardCharsets.UTF_8)) {
            PostcodeImportResult result = postcodes.importCsv(reader, staff.username());
            return Templates.wardData(PageErrors.NONE, null, null, CODE_PROPERTY, NAME_PROPERTY, result,
                    places.count(Places.POLICE), places.count(Places.POSTCODES));
        } catch (InvalidSubmissionException e) {
            return page(PageErrors.of("postcodeFile", e.errors().get(0).message()), null, null, CODE_PROPERTY, NAME_PROPERTY);
        } catch (java.io.UncheckedIOException | java.nio.charset.MalformedInputException e) {
            return page(PageErrors.of("postcodeFile", "The file is not text in UTF-8: save it as CSV and try again"),
                    null, null, CODE_PROPERTY, NAME_PROPERTY);
        }
    }

    private TemplateInstance page(PageErrors errors, PoliceImportResult imported, WardReplaceResult replaced, String codeProperty,
            String nameProperty) {
        return Templates.wardData(errors, imported, replaced, codeProperty, nameProperty, null, places.count(Places.POLICE),
                places.count(Places.POSTCODES));
    }

    private static boolean isEmpty(FileUpload file) throws IOException {
        return file == null || file.uploadedFile() == null || Files.size(file.uploadedFile()) == 0;
    }
}
