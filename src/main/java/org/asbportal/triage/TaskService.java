package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.asbportal.report.RiskLevel;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.security.StaffAccount;
import org.asbportal.triage.TaskViews.DueItem;
import org.asbportal.web.Calendar;

/**
 * What is due on an officer's cases: open actions due today or earlier, on open cases they hold or
 * actions they own, and reviews due on the open cases they hold. Only cases in queues they may work.
 */
@ApplicationScoped
public class TaskService {

    private final EntityManager em;
    private final CurrentStaff staff;
    private final Calendar calendar;
    private final CaseReviewService reviews;

    public TaskService(EntityManager em, CurrentStaff staff, Calendar calendar, CaseReviewService reviews) {
        this.em = em;
        this.staff = staff;
        this.calendar = calendar;
        this.reviews = reviews;
    }

    /** What is due today or overdue on the signed-in officer's cases, most overdue first. */
    @Transactional
    public List<DueItem> mine() {
        return dueFor(staff.account(), calendar.today());
    }

    /** What is due on {@code today} or before on the officer's cases, most overdue first. */
    List<DueItem> dueFor(StaffAccount officer, LocalDate today) {
        List<DueItem> due = new ArrayList<>();
        List<Object[]> actions = em.createQuery("select r.reference, a.type, a.dueOn, i.queue.id from CaseAction a "
                        + "join a.report r, QueueItem i where i.report = r and i.status <> :closed and a.status = :open "
                        + "and a.dueOn <= :today and (a.ownerAccount = :me or i.assignedTo = :me)", Object[].class)
                .setParameter("closed", QueueItemStatus.CLOSED)
                .setParameter("open", ActionStatus.OPEN)
                .setParameter("today", today)
                .setParameter("me", officer)
                .getResultList();
        for (Object[] row : actions) {
            if (mayWork(officer, (Long) row[3])) {
                LocalDate dueOn = (LocalDate) row[2];
                due.add(new DueItem((String) row[0], "Action: " + ((ActionType) row[1]).label(), dueOn,
                        reviews.daysOverdue(dueOn, today)));
            }
        }
        List<Object[]> held = em.createQuery("select r.reference, i.riskLevel, i.createdAt, i.queue.id, "
                        + "(select max(c.reviewedAt) from CaseReview c where c.report = r) from QueueItem i join i.report r "
                        + "where i.assignedTo = :me and i.status <> :closed and i.riskLevel in :levels", Object[].class)
                .setParameter("me", officer)
                .setParameter("closed", QueueItemStatus.CLOSED)
                .setParameter("levels", List.of(RiskLevel.HIGH, RiskLevel.MEDIUM))
                .getResultList();
        for (Object[] row : held) {
            RiskLevel risk = (RiskLevel) row[1];
            Instant since = row[4] != null ? (Instant) row[4] : (Instant) row[2];
            LocalDate dueOn = reviews.nextReviewDue(risk, true, since);
            if (dueOn != null && !dueOn.isAfter(today) && mayWork(officer, (Long) row[3])) {
                due.add(new DueItem((String) row[0], "Case review (" + risk.label().toLowerCase() + " risk)", dueOn,
                        reviews.daysOverdue(dueOn, today)));
            }
        }
        due.sort(Comparator.comparing(DueItem::dueOn).thenComparing(DueItem::reference).thenComparing(DueItem::what));
        return due;
    }

    private static boolean mayWork(StaffAccount officer, Long queueId) {
        return officer.hasRole(Role.ADMIN) || officer.queueIds.contains(queueId);
    }
}
