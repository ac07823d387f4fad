package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

import org.asbportal.report.Report;

/** A review of an open case by an officer, with a short internal note. Never changed once written. */
@Entity
@Table(name = "case_review")
public class CaseReview extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id", updatable = false)
    public Report report;

    @Column(name = "reviewed_at", updatable = false)
    public Instant reviewedAt;

    @Column(name = "reviewed_by", updatable = false)
    public String reviewedBy;

    @Column(updatable = false)
    public String note;

    /** The latest review of the case, if any. */
    public static Optional<CaseReview> latestFor(Report report) {
        return find("report = ?1 order by reviewedAt desc, id desc", report).firstResultOptional();
    }
}
