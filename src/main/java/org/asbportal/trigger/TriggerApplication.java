package org.asbportal.trigger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.asbportal.report.Channel;
import org.asbportal.security.CaptchaResult;

/** An application for a Community Trigger case review. */
@Entity
@Table(name = "trigger_application")
public class TriggerApplication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String reference;

    @Column(name = "access_code_hash")
    public String accessCodeHash;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Enumerated(EnumType.STRING)
    public TriggerStatus status;

    @Column(name = "applicant_name")
    public String applicantName;

    @Column(name = "applicant_email")
    public String applicantEmail;

    @Column(name = "applicant_phone")
    public String applicantPhone;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_type")
    public ApplicantType applicantType;

    @Column(name = "on_behalf_of_name")
    public String onBehalfOfName;

    @Column(name = "on_behalf_of_relationship")
    public String onBehalfOfRelationship;

    @Column(name = "victim_consent")
    public boolean victimConsent;

    public String description;

    public String impact;

    @Column(name = "outcome_wanted")
    public String outcomeWanted;

    @Column(name = "hate_motivated")
    public boolean hateMotivated;

    public int threshold;

    @Column(name = "qualifying_complaints")
    public int qualifyingComplaints;

    @Column(name = "threshold_met")
    public boolean thresholdMet;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "captcha_outcome")
    public CaptchaResult.Outcome captchaOutcome;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** The version of the privacy notice in force when the application was sent. */
    @Column(name = "privacy_notice_version")
    public Integer privacyNoticeVersion;

    /** The member of staff who took the application down, when it came by phone, on paper or in person. */
    @Column(name = "entered_by")
    public String enteredBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    /** Whether the rules found the threshold met when it was decided (complaints not confirmed left out). */
    @Column(name = "decision_met")
    public Boolean decisionMet;

    /** The qualifying complaints counted when the threshold was decided. */
    @Column(name = "decision_complaints")
    public Integer decisionComplaints;

    /** Proceeding to a review although the threshold is not met, because the victim is vulnerable. */
    @Column(name = "decision_discretionary")
    public boolean decisionDiscretionary;

    @Column(name = "victim_vulnerable")
    public Boolean victimVulnerable;

    @Column(name = "decision_reasons")
    public String decisionReasons;

    @Column(name = "decided_by")
    public String decidedBy;

    /** Codes of the bodies asked for their information, comma separated ({@link Agencies}). */
    @Column(name = "agencies_asked")
    public String agenciesAsked;

    @Column(name = "agencies_other")
    public String agenciesOther;

    @Column(name = "agencies_summary")
    public String agenciesSummary;

    @Column(name = "meeting_on")
    public LocalDate meetingOn;

    @Column(name = "meeting_chair")
    public String meetingChair;

    @Column(name = "chair_independent")
    public Boolean chairIndependent;

    /** Codes of the bodies at the meeting, comma separated ({@link Agencies}). */
    @Column(name = "meeting_attending")
    public String meetingAttending;

    @Column(name = "victim_attended")
    public Boolean victimAttended;

    @Column(name = "impact_statement")
    public String impactStatement;

    public String findings;

    @Column(name = "outcome_summary")
    public String outcomeSummary;

    @Column(name = "outcome_on")
    public LocalDate outcomeOn;

    @Column(name = "letter_emailed")
    public boolean letterEmailed;

    /** The applicant's single point of contact, named by the coordinator: who they are. */
    @Column(name = "spoc_name")
    public String spocName;

    @Column(name = "spoc_organisation")
    public String spocOrganisation;

    @Column(name = "spoc_phone")
    public String spocPhone;

    @Column(name = "spoc_email")
    public String spocEmail;

    /** The Police and Crime Commissioner overturned the "threshold not met" decision ({@link TriggerPccReview}). */
    @Column(name = "decision_overturned")
    public boolean decisionOverturned;

    @Version
    public int version;

    /**
     * Whether the review goes ahead: the threshold was met, the coordinator used their discretion, or
     * the Police and Crime Commissioner overturned a "not met" decision.
     */
    public boolean proceeding() {
        return Boolean.TRUE.equals(decisionMet) || decisionDiscretionary || decisionOverturned;
    }

    public static Optional<TriggerApplication> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    public static Optional<TriggerApplication> findByIdempotencyKey(String keyHash) {
        return find("idempotencyKey", keyHash).firstResultOptional();
    }
}
