package org.asbportal.ward;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The wards of the partnership's area. */
@Path("/api/v1/wards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class WardApiResource {

    public record WardView(String code, String name) {
    }

    private final WardService wards;

    public WardApiResource(WardService wards) {
        this.wards = wards;
    }

    @Operation(summary = "The wards of the partnership's area, with their codes")
    @GET
    public List<WardView> list() {
        return wards.all().stream().map(w -> new WardView(w.code(), w.name())).toList();
    }
}
