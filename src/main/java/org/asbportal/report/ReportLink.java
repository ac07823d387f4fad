package org.asbportal.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A link between two reports that triage should look at together, such as a possible duplicate. */
@Entity
@Table(name = "report_link")
public class ReportLink extends PanacheEntityBase {

    public static final String NEARBY = "POSSIBLE_DUPLICATE_NEARBY";
    public static final String SAME_LOCATION = "POSSIBLE_DUPLICATE_SAME_PLACE";
    /** Linked by a member of staff who judged the two cases belong together. */
    public static final String LINKED_BY_STAFF = "LINKED_BY_STAFF";
    /** {@code report} was closed as a duplicate of {@code linkedReport}. */
    public static final String MERGED_AS_DUPLICATE = "MERGED_AS_DUPLICATE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "report_id")
    public Report report;

    @ManyToOne(optional = false)
    @JoinColumn(name = "linked_report_id")
    public Report linkedReport;

    public String reason;

    @Column(name = "distance_metres")
    public Integer distanceMetres;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<ReportLink> findFor(Report report) {
        return list("report = ?1 or linkedReport = ?1", report);
    }

    /**
     * Whether the two reports are already linked for this reason, in either direction: a locking read,
     * so it sees a link committed by a simultaneous change the caller waited for.
     */
    public static boolean linked(Report one, Report other, String reason) {
        return find("reason = ?3 and (report = ?1 and linkedReport = ?2 or report = ?2 and linkedReport = ?1)",
                one, other, reason).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().isPresent();
    }

    /** A link made at {@code createdAt}. */
    public static ReportLink of(Report report, Report linkedReport, String reason, Instant createdAt) {
        ReportLink link = new ReportLink();
        link.report = report;
        link.linkedReport = linkedReport;
        link.reason = reason;
        link.createdAt = createdAt;
        return link;
    }
}
