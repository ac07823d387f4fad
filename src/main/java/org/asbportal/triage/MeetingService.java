package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.asbportal.web.Calendar;
import org.asbportal.report.Report;
import org.asbportal.report.RiskLevel;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;

/**
 * The lists the partnership's standing meetings work from: the daily Partnership Vulnerability Hub,
 * the monthly Early Intervention Case Conference and the Joint Operations Group's hotspots. Case
 * lists show only cases in queues the officer may work; hotspots are counts, never a person.
 */
@ApplicationScoped
public class MeetingService {

    public record CaseLine(String reference, String category, RiskLevel riskLevel, String wardCode, String place,
            Instant receivedAt, String queueName, QueueItemStatus status, String why) {
    }

    public record Hotspot(String wardCode, String place, long reports, Instant latest) {
    }

    private final EntityManager em;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final MeetingConfig config;
    private final Calendar calendar;

    public MeetingService(EntityManager em, CurrentStaff staff, AuditLog audit, MeetingConfig config, Calendar calendar) {
        this.em = em;
        this.staff = staff;
        this.audit = audit;
        this.config = config;
        this.calendar = calendar;
    }

    public LocalDate defaultSince() {
        return calendar.today().minusDays(config.defaultDaysBack());
    }

    public MeetingConfig config() {
        return config;
    }

    /** High-risk reports and vulnerable victims received since a date. */
    @Transactional
    public List<CaseLine> vulnerabilityHub(LocalDate since) {
        audit.record(staff.username(), "READ_MEETING_LIST", null, "VULNERABILITY_HUB since " + since);
        return cases("(r.riskLevel = org.asbportal.report.RiskLevel.HIGH or r.vulnerableAffected = true)", since);
    }

    /** Reports involving young people, who may be at risk of exploitation, received since a date. */
    @Transactional
    public List<CaseLine> earlyIntervention(LocalDate since) {
        audit.record(staff.username(), "READ_MEETING_LIST", null, "EARLY_INTERVENTION since " + since);
        return cases("r.youngPeopleInvolved = true", since);
    }

    /** Places with at least the configured number of reports in the configured number of days. */
    @Transactional
    public List<Hotspot> jointOperations() {
        Instant from = calendar.now().minus(Duration.ofDays(config.jogDays()));
        audit.record(staff.username(), "READ_MEETING_LIST", null, "JOINT_OPERATIONS");
        return em.createQuery("select r.wardCode, lower(trim(r.locationDescription)), count(r), max(r.submittedAt) from Report r "
                        + "where r.submittedAt >= :from group by r.wardCode, lower(trim(r.locationDescription)) "
                        + "having count(r) >= :min order by count(r) desc, max(r.submittedAt) desc", Object[].class)
                .setParameter("from", from)
                .setParameter("min", (long) config.jogMinReports())
                .setMaxResults(200)
                .getResultList().stream()
                .map(row -> new Hotspot((String) row[0], (String) row[1], (Long) row[2], (Instant) row[3]))
                .toList();
    }

    private List<CaseLine> cases(String condition, LocalDate since) {
        Instant from = since.atStartOfDay(calendar.zone()).toInstant();
        List<QueueItem> items = em.createQuery("select i from QueueItem i join fetch i.report r join fetch i.queue "
                        + "where " + condition + " and r.submittedAt >= :from order by i.riskRank desc, r.submittedAt", QueueItem.class)
                .setParameter("from", from)
                .setMaxResults(500)
                .getResultList();
        return items.stream()
                .filter(item -> staff.mayWork(item.queue.id))
                .map(MeetingService::line)
                .toList();
    }

    private static CaseLine line(QueueItem item) {
        Report r = item.report;
        List<String> flags = new ArrayList<>();
        if (r.riskLevel == RiskLevel.HIGH) {
            flags.add("High risk");
        }
        if (r.vulnerableAffected) {
            flags.add("Children or a vulnerable adult affected");
        }
        if (r.youngPeopleInvolved) {
            flags.add("Young people involved");
        }
        String why = String.join("; ", flags);
        return new CaseLine(r.reference, r.category.name, r.riskLevel, r.wardCode, r.locationDescription, r.submittedAt,
                item.queue.name, item.status, why);
    }
}
