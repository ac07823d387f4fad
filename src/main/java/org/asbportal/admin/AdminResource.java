package org.asbportal.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.asbportal.security.Role;

/** The start of the administration pages: a link to each section. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class AdminResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance index();
    }

    @GET
    public TemplateInstance index() {
        return Templates.index();
    }
}
