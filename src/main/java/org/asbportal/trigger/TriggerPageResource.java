package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public explanation of the Community Trigger: who can apply, what counts, what happens and by when. */
@Path("/community-trigger")
@Produces(MediaType.TEXT_HTML)
public class TriggerPageResource {

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        static native TemplateInstance explanation(ThresholdRules.Terms terms, TriggerConfig.Deadlines deadlines);
    }

    private final ThresholdRules rules;
    private final TriggerConfig config;

    public TriggerPageResource(ThresholdRules rules, TriggerConfig config) {
        this.rules = rules;
        this.config = config;
    }

    @GET
    public TemplateInstance explanation() {
        return Templates.explanation(rules.terms(), config.deadlines());
    }
}
