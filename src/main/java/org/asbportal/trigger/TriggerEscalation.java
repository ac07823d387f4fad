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
import java.util.Optional;

/**
 * The applicant's request to have the threshold decision or the outcome looked at again (the Police
 * and Crime Commissioner's route), and what was decided about it.
 */
@Entity
@Table(name = "trigger_escalation")
public class TriggerEscalation extends PanacheEntityBase {

    /** Who asks for an escalation when the applicant does it themselves. */
    public static final String APPLICANT = "applicant";

    /** What the applicant is unhappy with. */
    public enum About {
        DECISION("the decision that the threshold was not met"),
        OUTCOME("the outcome of the case review");

        private final String label;

        About(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Decision {
        UPHELD("Upheld"),
        NOT_UPHELD("Not upheld");

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

    @Enumerated(EnumType.STRING)
    public About about;

    public String reason;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decision_reasons")
    public String decisionReasons;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public static Optional<TriggerEscalation> of(TriggerApplication application) {
        return find("application", application).firstResultOptional();
    }
}
