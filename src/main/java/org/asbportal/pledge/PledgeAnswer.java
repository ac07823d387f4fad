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
import java.time.Instant;
import java.util.List;

/** An answer to one question of the assessment's questionnaire version, with its evidence. */
@Entity
@Table(name = "pledge_answer")
public class PledgeAnswer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assessment_id")
    public PledgeAssessment assessment;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "question_id")
    public PledgeQuestion question;

    @Enumerated(EnumType.STRING)
    public Answer answer;

    public String evidence;

    @Column(name = "evidence_link")
    public String evidenceLink;

    public String note;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<PledgeAnswer> of(Long assessmentId) {
        return list("assessment.id", assessmentId);
    }
}
