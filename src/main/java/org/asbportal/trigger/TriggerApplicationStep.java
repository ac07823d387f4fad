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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One step of an application's review: due by a working day, done when completed. */
@Entity
@Table(name = "trigger_step")
public class TriggerApplicationStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    public TriggerApplication application;

    @Enumerated(EnumType.STRING)
    public TriggerStep step;

    public int position;

    @Column(name = "due_by")
    public LocalDate dueBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** Who completed it. */
    @Column(name = "completed_by")
    public String completedBy;

    /** A step the review no longer needs, because the threshold was not met. */
    @Column(name = "not_needed")
    public boolean notNeeded;

    @Version
    public int version;

    /** Whether it is still to be done. */
    public boolean open() {
        return completedAt == null && !notNeeded;
    }

    /** Whether it is still to be done and its day has passed. */
    public boolean overdueOn(LocalDate today) {
        return open() && dueBy.isBefore(today);
    }

    public static List<TriggerApplicationStep> of(TriggerApplication application) {
        return list("application = ?1 order by position", application);
    }
}
