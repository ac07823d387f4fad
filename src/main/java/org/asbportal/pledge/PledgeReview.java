package org.asbportal.pledge;

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
import java.util.List;

/** A reviewer's decision on a submitted assessment. Reviews are only ever added. */
@Entity
@Table(name = "pledge_review")
public class PledgeReview extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assessment_id")
    public PledgeAssessment assessment;

    /** ACCEPTED or RETURNED. */
    public String decision;

    public String feedback;

    public String reviewer;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public static List<PledgeReview> of(Long assessmentId) {
        return list("assessment.id = ?1 order by decidedAt desc, id desc", assessmentId);
    }
}
