package org.asbportal.triage;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

import org.asbportal.security.DemoAccounts;
import org.asbportal.web.Calendar;

/** Two response templates for each queue, added with the demonstration accounts in dev mode. */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoResponseTemplates {

    private final Calendar calendar;

    public DemoResponseTemplates(Calendar calendar) {
        this.calendar = calendar;
    }

    void add(@Observes DemoAccounts.Created created) {
        if (ResponseTemplate.count() > 0) {
            return;
        }
        Instant now = calendar.now();
        for (TriageQueue queue : TriageQueue.<TriageQueue>listAll()) {
            add(queue, "We are looking into it", "Thank you for your report {reference}. I am {officer} and I am now looking into what you told us. I will next update you by {next_date}.", now);
            add(queue, "Visit arranged", "We have arranged for an officer to visit the area in {ward} about report {reference}. We plan to do this by {next_date}. If things get worse before then, please tell us. {officer}", now);
        }
    }

    private static void add(TriageQueue queue, String title, String body, Instant now) {
        ResponseTemplate template = new ResponseTemplate();
        template.queue = queue;
        template.title = title;
        template.body = body;
        template.createdAt = now;
        template.updatedAt = now;
        template.persist();
    }
}
