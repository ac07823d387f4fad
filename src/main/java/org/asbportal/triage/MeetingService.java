package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.asbportal.web.Calendar;
import org.asbportal.report.Report;
import org.asbportal.report.RiskLevel;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;

/**
 * The lists the partnership's standing meetings work from: the daily Partnership Vulnerability Hub,
 * the monthly Early Intervention Case Conference, the Vulnerable Adolescents Multi Agency Panel (VAMAP)
 * and the Joint Operations Group's hotspots. Case lists show only cases in queues the officer may
 * work; hotspots are counts, never a person. A case restricted away from the officer's agency
 * ({@link CaseAccess}) is listed as a stub (reference, "Restricted", whom to ask) and left out of
 * every count of places and every list of actions.
 */
@ApplicationScoped
public class MeetingService {

    /** A list shows at most this many cases, highest risk first. */
    static final int MAX_CASES = 500;

    /** A case on a meeting's list; {@code restricted} when it is a stub, with only whom to ask in {@code why}. */
    public record CaseLine(String reference, String category, RiskLevel riskLevel, String wardCode, String place,
            Instant receivedAt, String queueName, QueueItemStatus status, String why, boolean restricted) {
    }

    /** A place where the young people of the VAMAP's cases are seen, with how many of its cases name it. */
    public record PlaceCount(String wardCode, String place, long cases) {
    }

    /** An open action allocated on a case of the VAMAP's list. */
    public record ActionLine(String reference, String type, String description, String owner, LocalDate dueOn,
            boolean overdue) {
    }

    /**
     * The VAMAP's list: its cases (stubs for restricted ones the officer may not see), the places of
     * the cases the officer may see grouped with counts, busiest first, and their open actions by due
     * date; {@code restrictedLeftOut} counts the restricted cases left out of places and actions.
     */
    public record VamapList(List<CaseLine> cases, List<PlaceCount> places, List<ActionLine> actions, int restrictedLeftOut) {
    }

    public record Hotspot(String wardCode, String place, long reports, Instant latest) {
    }

    private final EntityManager em;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final MeetingConfig config;
    private final Calendar calendar;
    private final CaseAccess access;

    public MeetingService(EntityManager em, CurrentStaff staff, AuditLog audit, MeetingConfig config, Calendar calendar,
            CaseAccess access) {
        this.access = access;
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

    /**
     * Open cases of young people at high risk of criminal exploitation: young people involved, and the
     * risk screened high or an officer flagged an exploitation concern; with the places they are seen
     * and the actions allocated.
     */
    @Transactional
    public VamapList vamap() {
        audit.record(staff.username(), "READ_MEETING_LIST", null, "VAMAP");
        List<QueueItem> items = em.createQuery("select i from QueueItem i join fetch i.report r join fetch i.queue "
                        + "where i.openItem = 1 and r.youngPeopleInvolved = true "
                        + "and (r.riskLevel = org.asbportal.report.RiskLevel.HIGH or i.exploitationConcern = true) "
                        + "order by i.riskRank desc, r.submittedAt", QueueItem.class)
                .setMaxResults(MAX_CASES)
                .getResultList().stream()
                .filter(item -> staff.mayWork(item.queue.id))
                .toList();
        Set<Long> hidden = access.hiddenReportIds();
        List<QueueItem> visible = items.stream().filter(item -> !hidden.contains(item.report.id)).toList();
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        for (QueueItem item : visible) {
            String place = item.report.locationDescription == null ? "" : item.report.locationDescription.strip().toLowerCase(Locale.UK);
            counts.merge(Arrays.asList(item.report.wardCode, place), 1L, Long::sum);
        }
        List<PlaceCount> places = counts.entrySet().stream()
                .map(e -> new PlaceCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingLong(PlaceCount::cases).reversed().thenComparing(PlaceCount::place))
                .toList();
        List<ActionLine> actions = visible.isEmpty() ? List.of()
                : em.createQuery("select a from CaseAction a join fetch a.report r where r.id in :ids and a.status = :open "
                                + "order by a.dueOn, a.id", CaseAction.class)
                        .setParameter("ids", visible.stream().map(item -> item.report.id).toList())
                        .setParameter("open", ActionStatus.OPEN)
                        .getResultList().stream()
                        .map(a -> new ActionLine(a.report.reference, a.type.label(), a.description, a.ownerName, a.dueOn,
                                a.dueOn.isBefore(calendar.today())))
                        .toList();
        return new VamapList(items.stream().map(item -> hidden.contains(item.report.id) ? stub(item) : line(item)).toList(),
                places, actions, items.size() - visible.size());
    }

    /**
     * Places with at least the configured number of reports in the configured number of days. Reports
     * restricted away from the officer's agency are not counted: their place is one of their details.
     */
    @Transactional
    public List<Hotspot> jointOperations() {
        Instant from = calendar.now().minus(Duration.ofDays(config.jogDays()));
        audit.record(staff.username(), "READ_MEETING_LIST", null, "JOINT_OPERATIONS");
        return em.createQuery("select r.wardCode, lower(trim(r.locationDescription)), count(r), max(r.submittedAt) from Report r "
                        + "where r.submittedAt >= :from and r.id not in :hidden group by r.wardCode, lower(trim(r.locationDescription)) "
                        + "having count(r) >= :min order by count(r) desc, max(r.submittedAt) desc", Object[].class)
                .setParameter("from", from)
                .setParameter("hidden", CaseAccess.notIn(access.hiddenReportIds()))
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
                .setMaxResults(MAX_CASES)
                .getResultList();
        Set<Long> hidden = access.hiddenReportIds();
        return items.stream()
                .filter(item -> staff.mayWork(item.queue.id))
                .map(item -> hidden.contains(item.report.id) ? stub(item) : line(item))
                .toList();
    }

    /** A restricted case the officer may not see: that it is on the list, and whom to ask. */
    private CaseLine stub(QueueItem item) {
        CaseViews.RestrictedCase stub = access.stub(item);
        return new CaseLine(stub.reference(), "Restricted", null, null, null, null, item.queue.name, item.status,
                "Restricted: ask " + stub.askName() + ", " + stub.askOrganisation(), true);
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
        if (item.exploitationConcern) {
            flags.add("Exploitation concern flagged");
        }
        String why = String.join("; ", flags);
        return new CaseLine(r.reference, r.category.name, r.riskLevel, r.wardCode, r.locationDescription, r.submittedAt,
                item.queue.name, item.status, why, false);
    }
}
