package org.asbportal.triage;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Optional;

import org.asbportal.report.ReportHistory;
import org.asbportal.security.StaffAccount;
import org.asbportal.web.Calendar;
import org.jboss.logging.Logger;

/**
 * Dev mode only: once the demonstration reports are in and nothing is restricted yet, the council's
 * caseworker restricts the fly-tipping case by the garages to the council and the police (so the
 * partnership's triage officer sees only that it exists), and two cases of young people go on the
 * VAMAP list: the intimidation on Comet Drive (high risk) gets a diversionary activity, and the
 * neighbour case on Sauton Close is flagged as an exploitation concern. Nobody in them is real.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoSafeguarding {

    private static final Logger LOG = Logger.getLogger(DemoSafeguarding.class);

    private final Calendar calendar;
    private final ReportHistory history;

    public DemoSafeguarding(Calendar calendar, ReportHistory history) {
        this.calendar = calendar;
        this.history = history;
    }

    @Transactional
    void onStart(@Observes @Priority(3000) StartupEvent start) {
        if (CaseRestriction.count() > 0) {
            return;
        }
        Optional<StaffAccount> caseworker = StaffAccount.findByUsername("caseworker");
        Optional<QueueItem> garages = byDescription("Mattresses and bags of rubbish dumped by the garages.");
        if (caseworker.isEmpty() || garages.isEmpty()) {
            return;
        }
        CaseRestriction restriction = new CaseRestriction();
        restriction.reportId = garages.get().report.id;
        restriction.reason = "A member of council staff is the victim";
        restriction.restrictedBy = caseworker.get();
        restriction.restrictedAt = calendar.now();
        restriction.organisationIds.add(caseworker.get().organisation.id);
        org.asbportal.security.Organisation.findByCode("POLICE").ifPresent(o -> restriction.organisationIds.add(o.id));
        restriction.persist();
        history.record(garages.get().report, "RESTRICTED", false, "Restricted by " + caseworker.get().displayName
                + " to the council and the police: " + restriction.reason, caseworker.get().username);

        byDescription("The same young men wait by my door and swear at me when I go out.").ifPresent(item -> {
            CaseAction action = new CaseAction();
            action.report = item.report;
            action.type = ActionType.DIVERSIONARY_ACTIVITY;
            action.description = "Youth outreach to offer the boxing club sessions";
            action.ownerName = "Youth outreach";
            action.dueOn = calendar.today().plusDays(7);
            action.status = ActionStatus.OPEN;
            action.recordedBy = caseworker.get().username;
            action.recordedAt = calendar.now();
            action.persist();
        });
        byDescription("Next door's dog barks all day and they shout at us when we ask.").ifPresent(item -> {
            item.exploitationConcern = true;
            history.record(item.report, "EXPLOITATION_CONCERN", false, "Exploitation concern flagged by "
                    + caseworker.get().displayName, caseworker.get().username);
        });
        LOG.info("Demo safeguarding: one restricted case, two cases on the VAMAP list");
    }

    private static Optional<QueueItem> byDescription(String description) {
        return QueueItem.<QueueItem>find("select i from QueueItem i join fetch i.report r where r.description = ?1", description)
                .firstResultOptional();
    }
}
