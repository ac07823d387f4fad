package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.asbportal.category.CategoryGroup;
import org.asbportal.ward.WardRef;
import org.asbportal.ward.WardService;

/**
 * What anyone may read of reports, for open data interfaces such as Open311: the kind of behaviour,
 * status, who has it, when, the ward and a point rounded to about 100 metres; the updates staff
 * published on it. Never the resident's description, who they are or how to reach them, and, for a
 * kind of behaviour aimed at a person (the personal group), not even the words of staff updates,
 * which are written to the victim.
 */
@ApplicationScoped
public class PublicReports {

    /** Decimal places a published point keeps: 0.001 degree is about 110 m north to south. */
    public static final int POINT_DECIMALS = 3;
    /** The public history entries that are staff's or the system's words about the case, never the victim's. */
    static final Set<String> PUBLISHED_KINDS = Set.of("RECEIVED", "IN_PROGRESS", "PUBLIC_UPDATE", ReportHistory.CLOSED);

    /** A report as the public sees it. */
    public record PublicReport(String reference, String categoryCode, String categoryName, boolean personal,
            ReportStatus status, String statusNotes, String agency, String wardName, BigDecimal latitude,
            BigDecimal longitude, Instant requestedAt, Instant updatedAt, LocalDate expectedBy) {

        public boolean closed() {
            return status == ReportStatus.CLOSED;
        }
    }

    /** A published update on a report; {@code description} is null when its words are withheld. */
    public record PublicUpdate(long id, String reference, boolean closed, Instant at, String description) {
    }

    /** Which reports: any of the fields may be null or empty for no filter on it. */
    public record Query(List<String> references, String categoryCode, Instant from, Instant to, Boolean closed, int limit) {
    }

    private final ReportIntake intake;
    private final WardService wards;

    public PublicReports(ReportIntake intake, WardService wards) {
        this.intake = intake;
        this.wards = wards;
    }

    /** The report with this reference. */
    @Transactional
    public Optional<PublicReport> find(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 40) {
            return Optional.empty();
        }
        return Report.findByReference(reference.strip().toUpperCase(java.util.Locale.ROOT)).map(r -> views(List.of(r)).get(0));
    }

    /** The reports matching the query, newest first, at most its limit. */
    @Transactional
    public List<PublicReport> search(Query query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.references() != null && !query.references().isEmpty()) {
            where.append(" and reference in :references");
            parameters.put("references", query.references().stream()
                    .map(r -> r.strip().toUpperCase(java.util.Locale.ROOT)).toList());
        }
        if (query.categoryCode() != null) {
            where.append(" and category.code = :category");
            parameters.put("category", query.categoryCode());
        }
        if (query.from() != null) {
            where.append(" and submittedAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and submittedAt <= :to");
            parameters.put("to", query.to());
        }
        if (query.closed() != null) {
            where.append(query.closed() ? " and status = :closed" : " and status <> :closed");
            parameters.put("closed", ReportStatus.CLOSED);
        }
        List<Report> reports = Report.<Report>find(where + " order by submittedAt desc, id desc", parameters)
                .page(0, query.limit()).list();
        return views(reports);
    }

    /** The updates published between the two instants (inclusive), oldest first, at most {@code limit}. */
    @Transactional
    public List<PublicUpdate> updates(Instant from, Instant to, int limit) {
        List<ReportEvent> events = ReportEvent.<ReportEvent>find("isPublic = true and kind in ?1 and occurredAt >= ?2 "
                + "and occurredAt <= ?3 order by occurredAt, id", PUBLISHED_KINDS, from, to).page(0, limit).list();
        return events.stream().map(PublicReports::update).toList();
    }

    private List<PublicReport> views(List<Report> reports) {
        if (reports.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ReportEvent>> timelines = new LinkedHashMap<>();
        for (ReportEvent event : ReportEvent.<ReportEvent>list("report.id in ?1 and isPublic = true and kind in ?2 "
                + "order by occurredAt, id", reports.stream().map(r -> r.id).toList(), PUBLISHED_KINDS)) {
            timelines.computeIfAbsent(event.report.id, id -> new ArrayList<>()).add(event);
        }
        List<PublicReport> views = new ArrayList<>(reports.size());
        for (Report report : reports) {
            List<ReportEvent> timeline = timelines.getOrDefault(report.id, List.of());
            ReportEvent latest = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
            boolean personal = report.category.group == CategoryGroup.PERSONAL;
            Optional<ReportIntake.Intake> taken = intake.find(report);
            views.add(new PublicReport(report.reference, report.category.code, report.category.name, personal,
                    report.status, latest == null || personal ? null : latest.message,
                    taken.map(ReportIntake.Intake::handledBy).orElse(null),
                    report.wardCode == null ? null : wards.find(report.wardCode).map(WardRef::name).orElse(null),
                    rounded(report.latitude), rounded(report.longitude), report.submittedAt,
                    latest == null ? report.submittedAt : latest.occurredAt,
                    report.status == ReportStatus.RECEIVED ? taken.map(ReportIntake.Intake::firstContactDueBy).orElse(null) : null));
        }
        return views;
    }

    private static PublicUpdate update(ReportEvent event) {
        boolean personal = event.report.category.group == CategoryGroup.PERSONAL;
        boolean closed = ReportHistory.CLOSED.equals(event.kind);
        String description = !personal ? event.message
                : closed ? "The report was closed." : "RECEIVED".equals(event.kind) ? "The report was received."
                : "The report was updated.";
        return new PublicUpdate(event.id, event.report.reference, closed, event.occurredAt, description);
    }

    /** A coordinate to {@link #POINT_DECIMALS} places, so a published point is never a doorstep. */
    static BigDecimal rounded(BigDecimal coordinate) {
        return coordinate == null ? null : coordinate.setScale(POINT_DECIMALS, RoundingMode.HALF_UP);
    }
}
