package org.asbportal.category;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The kinds of ASB a report can be about. */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class CategoryApiResource {

    public record CategoryView(String code, String name, CategoryGroup group) {
    }

    private final CategoryService categories;

    public CategoryApiResource(CategoryService categories) {
        this.categories = categories;
    }

    @Operation(summary = "The kinds of behaviour a report can be about, with their codes")
    @GET
    public List<CategoryView> list() {
        return categories.all().stream().map(c -> new CategoryView(c.code(), c.name(), c.group())).toList();
    }
}
