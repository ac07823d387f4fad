package org.asbportal.retention;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

import org.asbportal.retention.RetentionService.Rule;
import org.asbportal.web.PrivacyNotices;

/**
 * The privacy notice, with how long each kind of record is kept printed from the same settings the
 * retention job applies, and residents' rights: how to ask for a copy, a correction or erasure.
 */
@Path("/privacy")
@Produces(MediaType.TEXT_HTML)
public class PrivacyResource {

    @CheckedTemplate(basePath = "retention")
    static class Templates {
        static native TemplateInstance privacy(List<Rule> rules, PrivacyNotices.Version notice);

        static native TemplateInstance rights();
    }

    private final RetentionService retention;
    private final PrivacyNotices notices;

    public PrivacyResource(RetentionService retention, PrivacyNotices notices) {
        this.retention = retention;
        this.notices = notices;
    }

    @GET
    public TemplateInstance privacy() {
        return Templates.privacy(retention.schedule(), notices.current());
    }

    @GET
    @Path("/your-rights")
    public TemplateInstance rights() {
        return Templates.rights();
    }
}
