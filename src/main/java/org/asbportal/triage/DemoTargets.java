package org.asbportal.triage;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.asbportal.web.Calendar;

/** Dev mode only: two targets the demonstration reports are measured against, so the targets page is not empty. */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoTargets {

    private final Calendar calendar;

    public DemoTargets(Calendar calendar) {
        this.calendar = calendar;
    }

    @Transactional
    void onStart(@Observes @Priority(310) StartupEvent start) {
        if (ServiceTarget.count() > 0) {
            return;
        }
        add("GRAFFITI_DAMAGE", 48, "Graffiti removed within 48 hours");
        add("FLY_TIPPING", 120, "Fly-tipping cleared within 5 days");
    }

    private void add(String category, int hours, String description) {
        ServiceTarget target = new ServiceTarget();
        target.categoryCode = category;
        target.hours = hours;
        target.description = description;
        target.active = true;
        target.createdBy = "demo";
        target.createdAt = calendar.now();
        target.persist();
    }
}
