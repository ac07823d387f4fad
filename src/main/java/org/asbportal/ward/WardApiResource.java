package org.asbportal.ward;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The wards of the partnership's area, their boundaries, and the places residents search. */
@Path("/api/v1/wards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class WardApiResource {

    public record WardView(String code, String name) {
    }

    /** A place residents can choose, with its point and ward. */
    public record PlaceView(long id, String name, String label, String wardCode, String wardName, BigDecimal latitude,
            BigDecimal longitude) {
    }

    /** The most places a search lists. */
    public static final int PLACES = 10;

    private final WardService wards;
    private final Places places;

    public WardApiResource(WardService wards, Places places) {
        this.wards = wards;
        this.places = places;
    }

    @Operation(summary = "The wards' boundaries, as a GeoJSON FeatureCollection with each ward's code and name")
    @GET
    @Path("boundaries")
    @Produces("application/geo+json")
    public Response boundaries() {
        return Response.ok(wards.boundaries()).header("Cache-Control", "public, max-age=3600").build();
    }

    @Operation(summary = "Streets and postcodes matching what a resident typed (at least 2 letters), with their points and wards")
    @GET
    @Path("places")
    public List<PlaceView> places(@QueryParam("q") String query) {
        return places.search(query, PLACES).stream()
                .map(p -> new PlaceView(p.id(), p.name(), p.label(), p.wardCode(), p.wardName(), p.latitude(), p.longitude()))
                .toList();
    }

    @Operation(summary = "The wards of the partnership's area, with their codes")
    @GET
    public List<WardView> list() {
        return wards.all().stream().map(w -> new WardView(w.code(), w.name())).toList();
    }
}
