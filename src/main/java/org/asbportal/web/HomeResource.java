package org.asbportal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The start page and the site's information pages. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate(basePath = "home")
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance accessibility();

        static native TemplateInstance safety();
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }

    /** Leaving quickly, private browsing and clearing history: linked from the start page. */
    @GET
    @Path("safety")
    public TemplateInstance safety() {
        return Templates.safety();
    }

    @GET
    @Path("accessibility")
    public TemplateInstance accessibility() {
        return Templates.accessibility();
    }
}
