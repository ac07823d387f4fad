package org.asbportal.ward;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The wards of the partnership's area. */
@Path("/api/v1/wards")
@Produces(MediaType.APPLICATION_JSON)
public class WardApiResource {

    public record WardView(String code, String name) {
    }

    private final WardService wards;

    public WardApiResource(WardService wards) {
        this.wards = wards;
    }

    @GET
    public List<WardView> list() {
        return wards.all().stream().map(w -> new WardView(w.code(), w.name())).toList();
    }
}
