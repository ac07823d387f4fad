package org.asbportal.trigger;

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
import java.time.LocalDate;
import java.util.List;

import org.asbportal.report.Report;

/** A complaint an application cites, with whether it qualifies and why. */
@Entity
@Table(name = "trigger_complaint")
public class TriggerComplaint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    public TriggerApplication application;

    /** Its number in the application, from 1, as reasons refer to it. */
    public int position;

    @Enumerated(EnumType.STRING)
    public ComplaintSource source;

    @Column(name = "report_reference")
    public String reportReference;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id")
    public Report report;

    public String agency;

    @Column(name = "reported_on")
    public LocalDate reportedOn;

    @Column(name = "behaviour_on")
    public LocalDate behaviourOn;

    public boolean qualifies;

    public String reason;

    @Column(name = "to_confirm")
    public boolean toConfirm;

    @Column(name = "same_incident_as")
    public Integer sameIncidentAs;

    /** What the agency said, once asked: null while still to confirm. */
    @Enumerated(EnumType.STRING)
    public Confirmation confirmation;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public java.time.Instant confirmedAt;

    /** Whether the agency said the complaint was made as the applicant says, or not. */
    public enum Confirmation {
        CONFIRMED,
        NOT_CONFIRMED
    }

    /** Whether it counts towards the threshold now: it qualified and no agency said it was not made. */
    public boolean countsNow() {
        return qualifies && confirmation != Confirmation.NOT_CONFIRMED;
    }

    public static List<TriggerComplaint> of(TriggerApplication application) {
        return list("application = ?1 order by position", application);
    }
}
