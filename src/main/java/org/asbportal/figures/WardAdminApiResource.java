package org.asbportal.figures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.ward.WardAdminService.WardReplaceResult;
import org.asbportal.ward.WardAdminService;
import org.asbportal.web.ApiDocument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administrators load police-recorded ASB and replace the ward boundaries. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@Tag(name = "Administration")
@SecurityRequirement(name = ApiDocument.BASIC)
@SecurityRequirement(name = ApiDocument.TOKEN)
public class WardAdminApiResource {

    private final PoliceImportService imports;
    private final WardAdminService wards;
    private final CurrentStaff staff;

    public WardAdminApiResource(PoliceImportService imports, WardAdminService wards, CurrentStaff staff) {
        this.imports = imports;
        this.wards = wards;
        this.staff = staff;
    }

    /** A data.police.uk street-level CSV file, read as it arrives. */
    @Operation(summary = "Import a data.police.uk street-level CSV file of police-recorded ASB")
    @POST
    @Path("/imports/police")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public PoliceImportResult importPolice(InputStream body) {
        return imports.importCsv(new InputStreamReader(body, StandardCharsets.UTF_8), staff.username());
    }

    /** A GeoJSON FeatureCollection of the wards, naming the properties with each ward's code and name. */
    @Operation(summary = "Replace the wards' boundaries with a GeoJSON FeatureCollection")
    @PUT
    @Path("/wards")
    @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
    public WardReplaceResult replaceWards(@QueryParam("codeProperty") String codeProperty,
            @QueryParam("nameProperty") String nameProperty, String body) {
        return wards.replace(body, codeProperty, nameProperty, staff.username());
    }
}
