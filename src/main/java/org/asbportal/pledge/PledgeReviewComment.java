package org.asbportal.pledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;

/** A reviewer's comment on one section, part of a review. */
@Entity
@Table(name = "pledge_review_comment")
public class PledgeReviewComment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "review_id")
    public PledgeReview review;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    public PledgeSection section;

    public String comment;

    public static List<PledgeReviewComment> of(Long reviewId) {
        return list("review.id", reviewId);
    }
}
