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
import java.time.LocalDate;
import java.util.List;

/** A step of the organisation's action plan, closing a gap the assessment found. */
@Entity
@Table(name = "pledge_action")
public class PledgeAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assessment_id")
    public PledgeAssessment assessment;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "question_id")
    public PledgeQuestion question;

    public String description;

    public String owner;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<PledgeAction> of(Long assessmentId) {
        return list("assessment.id = ?1 order by targetDate, id", assessmentId);
    }
}
