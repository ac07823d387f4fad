package org.asbportal.trigger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

import org.hibernate.annotations.Immutable;

/** A note of progress on a recommendation: never changed or removed. */
@Entity
@Immutable
@Table(name = "trigger_recommendation_progress")
public class TriggerRecommendationProgress extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "recommendation_id")
    public TriggerRecommendation recommendation;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    public String note;

    public static List<TriggerRecommendationProgress> of(TriggerRecommendation recommendation) {
        return list("recommendation = ?1 order by occurredAt, id", recommendation);
    }
}
