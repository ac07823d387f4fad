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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.asbportal.report.Report;
import org.asbportal.security.StaffAccount;

/** An action on a case, with its owner, due date and, once recorded, its result. */
@Entity
@Table(name = "case_action")
public class CaseAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    public Report report;

    @Enumerated(EnumType.STRING)
    public ActionType type;

    public String description;

    /** The member of staff who owns the action, when it is one of ours. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_account_id")
    public StaffAccount ownerAccount;

    /** Who owns it, as shown: the officer's name, or another agency or person. */
    @Column(name = "owner_name")
    public String ownerName;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public ActionStatus status;

    public String result;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** Where a PSPO enforcement or dispersal direction applies; empty for other actions. */
    @Column(name = "applies_where")
    public String appliesWhere;

    @Column(name = "applies_from")
    public Instant appliesFrom;

    @Column(name = "applies_until")
    public Instant appliesUntil;

    @Version
    public int version;

    public static List<CaseAction> findFor(Report report) {
        return list("report = ?1 order by dueOn, id", report);
    }
}
