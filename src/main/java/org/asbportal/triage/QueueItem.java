package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.asbportal.report.Report;
import org.asbportal.report.RiskLevel;

import org.asbportal.security.StaffAccount;

/** A report waiting in (or worked from) a triage queue. */
@Entity
@Table(name = "queue_item")
public class QueueItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    public Report report;

    @ManyToOne(optional = false)
    @JoinColumn(name = "queue_id")
    public TriageQueue queue;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "routing_rule_id")
    public RoutingRule routingRule;

    @Enumerated(EnumType.STRING)
    public QueueItemStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Column(name = "first_contact_due_by")
    public LocalDate firstContactDueBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * The report's ward and kind of behaviour, copied here when triage takes the report in so that a
     * queue filtered by either walks an index in the queue's order (V021). Never changed by a case's
     * own updates: only {@link QueueItemWards} moves the ward, with the report's, when the wards are replaced.
     */
    @Column(name = "ward_code", updatable = false)
    public String wardCode;

    @Column(name = "category_code", updatable = false)
    public String categoryCode;

    /** 2 high, 1 medium, 0 standard: the queue sorts by it first. */
    @Column(name = "risk_rank")
    public int riskRank;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assigned_to")
    public StaffAccount assignedTo;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    /** 1 while open, 0 once closed: computed by the database, and the worklist index starts with it. */
    @Column(name = "open_item", insertable = false, updatable = false)
    @JdbcTypeCode(SqlTypes.TINYINT)
    public int openItem;

    /** An officer's flag that a young person on the case may be criminally exploited (the VAMAP list). */
    @Column(name = "exploitation_concern")
    public boolean exploitationConcern;

    @Version
    public int version;

    public static int rankOf(RiskLevel level) {
        return level.ordinal();
    }

    public static Optional<QueueItem> findByReport(Report report) {
        return find("report", report).firstResultOptional();
    }
}
