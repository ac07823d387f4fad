package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.trigger.ReviewViews.QueuePage;
import org.asbportal.web.Calendar;

/**
 * The coordinator's queue of Community Trigger applications: the soonest due first (those with
 * nothing left to do last), then the newest; filtered by status and to those with a step past its
 * due date; 25 a page. Audited.
 */
@ApplicationScoped
public class TriggerReviewQueue {

    static final int PAGE_SIZE = 25;
    static final int MAX_PAGE = 100_000;

    private static final String SOONEST_DUE = """
            (SELECT MIN(s.due_by) FROM trigger_step s WHERE s.application_id = a.id
              AND s.completed_at IS NULL AND s.not_needed = FALSE)""";

    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;

    public TriggerReviewQueue(CurrentStaff staff, AuditLog audit, Calendar calendar) {
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
    }

    @Transactional
    public QueuePage queue(String status, boolean overdue, int page) {
        TriggerStatus wanted = ReviewForms.statusOf(status);
        // a page number no link gives is read as the nearest one that is
        int number = Math.min(Math.max(1, page), MAX_PAGE);
        LocalDate today = calendar.today();
        List<Long> ids = ids(wanted, overdue, today, number);
        boolean more = ids.size() > PAGE_SIZE;
        List<Long> shown = more ? ids.subList(0, PAGE_SIZE) : ids;
        Map<Long, TriggerApplication> applications = shown.isEmpty() ? Map.of()
                : TriggerApplication.<TriggerApplication>list("id in ?1", shown).stream()
                        .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<Long, List<TriggerApplicationStep>> steps = shown.isEmpty() ? Map.of()
                : TriggerApplicationStep.<TriggerApplicationStep>list("application.id in ?1 order by position", shown).stream()
                        .collect(Collectors.groupingBy(s -> s.application.id));
        audit.record(staff.username(), "READ_TRIGGER_QUEUE", null, wanted == null ? null : wanted.name());
        return new QueuePage(shown.stream()
                .map(id -> ReviewViews.queueRow(applications.get(id), steps.getOrDefault(id, List.of()), today)).toList(),
                number, more, wanted == null ? null : wanted.name(), overdue);
    }

    /** The ids of the page's applications in order, and one more when there is a next page. */
    private static List<Long> ids(TriggerStatus wanted, boolean overdue, LocalDate today, int page) {
        StringBuilder sql = new StringBuilder("""
                SELECT a.id FROM trigger_application a
                 WHERE 1 = 1""");
        if (wanted != null) {
            sql.append(" AND a.status = :status");
        }
        if (overdue) {
            sql.append(" AND EXISTS (SELECT 1 FROM trigger_step o WHERE o.application_id = a.id AND o.completed_at IS NULL"
                    + " AND o.not_needed = FALSE AND o.due_by < :today)");
        }
        sql.append(" ORDER BY ").append(SOONEST_DUE).append(" IS NULL, ").append(SOONEST_DUE)
                .append(", a.submitted_at DESC, a.id DESC LIMIT :limit OFFSET :offset");
        Query query = TriggerApplication.getEntityManager().createNativeQuery(sql.toString(), Long.class)
                .setParameter("limit", PAGE_SIZE + 1)
                .setParameter("offset", (page - 1) * PAGE_SIZE);
        if (wanted != null) {
            query.setParameter("status", wanted.name());
        }
        if (overdue) {
            query.setParameter("today", today);
        }
        List<Long> ids = new ArrayList<>();
        for (Object id : query.getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }
}
