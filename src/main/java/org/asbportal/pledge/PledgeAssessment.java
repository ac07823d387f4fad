package org.asbportal.pledge;

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
import java.util.Optional;

/** An organisation's self-assessment against one questionnaire version. */
@Entity
@Table(name = "pledge_assessment")
public class PledgeAssessment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "organisation_id")
    public PledgeOrganisation organisation;

    @ManyToOne
    @JoinColumn(name = "questionnaire_id")
    public PledgeQuestionnaire questionnaire;

    /** The submitted assessment this one re-assesses, if any. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "previous_id")
    public PledgeAssessment previous;

    @Enumerated(EnumType.STRING)
    public AssessmentStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "signed_name")
    public String signedName;

    @Column(name = "signed_role")
    public String signedRole;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "list_publicly")
    public boolean listPublicly;

    @Version
    public int version;

    /** The assessment with this id if it belongs to the organisation; another's is as good as missing. */
    public static Optional<PledgeAssessment> findOwned(Long organisationId, Long id) {
        return find("id = ?1 and organisation.id = ?2", id, organisationId).firstResultOptional();
    }

    public static List<PledgeAssessment> ofOrganisation(Long organisationId) {
        return list("organisation.id = ?1 order by createdAt desc, id desc", organisationId);
    }

    /** A human-readable reference, e.g. PLEDGE-42, used in emails and the audit trail. */
    public String reference() {
        return "PLEDGE-" + id;
    }
}
