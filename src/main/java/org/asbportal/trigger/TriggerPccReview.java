package org.asbportal.trigger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The applicant's request for the Police and Crime Commissioner to review a "threshold not met"
 * decision (one per application), when the coordinator referred it, and what the Commissioner decided.
 */
@Entity
@Table(name = "trigger_pcc_review")
public class TriggerPccReview extends PanacheEntityBase {

    /** What the Commissioner decided about the "threshold not met" decision. */
    public enum Decision {
        UPHELD("Upheld: the threshold is not met"),
        OVERTURNED("Overturned: the case review goes ahead");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "application_id")
    public TriggerApplication application;

    public String reason;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "referred_on")
    public LocalDate referredOn;

    @Column(name = "referred_by")
    public String referredBy;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decision_reasons")
    public String decisionReasons;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "decided_by")
    public String decidedBy;

    public static Optional<TriggerPccReview> of(TriggerApplication application) {
        return find("application", application).firstResultOptional();
    }
}
