package org.asbportal.category;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The kinds of ASB a report can be about. */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryApiResource {

    public record CategoryView(String code, String name, CategoryGroup group) {
    }

    private final CategoryService categories;

    public CategoryApiResource(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    public List<CategoryView> list() {
        return categories.all().stream().map(c -> new CategoryView(c.code(), c.name(), c.group())).toList();
    }
}
