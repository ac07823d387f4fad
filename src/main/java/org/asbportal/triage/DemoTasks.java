package org.asbportal.triage;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.asbportal.report.RiskLevel;
import org.asbportal.security.StaffAccount;
import org.asbportal.web.Calendar;
import org.jboss.logging.Logger;

/**
 * Work due for the demonstration officers in the dev profile, so that the start page's "Due today and
 * overdue" is not empty: a demo case each for Tom Triage and Cass Worker, with an action overdue, one
 * due today and, on a high-risk case, a review overdue. Made once, after the demo reports and accounts.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoTasks {

    private static final Logger LOG = Logger.getLogger(DemoTasks.class);

    private final Calendar calendar;

    public DemoTasks(Calendar calendar) {
        this.calendar = calendar;
    }

    @Transactional
    void onStart(@Observes @Priority(3000) StartupEvent start) {
        if (CaseAction.count() > 0 || CaseReview.count() > 0) {
            return;
        }
        int made = 0;
        made += give("triage", List.of("VULNERABILITY_HUB", "HATE_INCIDENTS", "MANUAL_CHECK", "COUNCIL_ASB"));
        made += give("caseworker", List.of("COUNCIL_ASB", "ENVIRONMENTAL_HEALTH", "YOUTH_OUTREACH"));
        LOG.infof("Demo tasks: %d demo cases given to officers with work due", made);
    }

    /** Gives the officer an open, unheld case from their queues, with work due on it; 1 if one was found. */
    private int give(String username, List<String> queues) {
        StaffAccount officer = StaffAccount.findByUsername(username).orElse(null);
        if (officer == null) {
            return 0;
        }
        QueueItem item = QueueItem.<QueueItem>find("select i from QueueItem i join fetch i.report where i.queue.code in ?1 "
                + "and i.assignedTo is null and i.status = ?2 order by i.riskRank desc, i.id", queues, QueueItemStatus.NEW)
                .firstResultOptional().orElse(null);
        if (item == null) {
            return 0;
        }
        Instant now = calendar.now();
        LocalDate today = calendar.today();
        item.assignedTo = officer;
        item.assignedAt = now;
        item.status = QueueItemStatus.IN_PROGRESS;
        action(item, officer, ActionType.WARNING, "Deliver a warning letter to the household", today.minusDays(3));
        action(item, officer, ActionType.MEDIATION, "Arrange mediation between the neighbours", today);
        if (item.riskLevel == RiskLevel.HIGH || item.riskLevel == RiskLevel.MEDIUM) {
            CaseReview review = new CaseReview();
            review.report = item.report;
            review.reviewedBy = username;
            review.reviewedAt = now.minus(Duration.ofDays(30));
            review.note = "First review: visit arranged, support offered.";
            review.persist();
        }
        return 1;
    }

    private static void action(QueueItem item, StaffAccount officer, ActionType type, String description, LocalDate dueOn) {
        CaseAction action = new CaseAction();
        action.report = item.report;
        action.type = type;
        action.description = description;
        action.ownerAccount = officer;
        action.ownerName = officer.displayName;
        action.dueOn = dueOn;
        action.status = ActionStatus.OPEN;
        action.recordedBy = officer.username;
        action.recordedAt = item.assignedAt;
        action.persist();
    }
}
