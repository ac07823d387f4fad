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

/**
 * One entry in an application's append-only history: never changed or removed. Public entries make
 * up the applicant's timeline.
 */
@Entity
@Immutable
@Table(name = "trigger_event")
public class TriggerEvent extends PanacheEntityBase {

    /** The system itself, as the actor of automatic entries. */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    public TriggerApplication application;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String kind;

    @Column(name = "is_public")
    public boolean isPublic;

    public String actor;

    public String message;

    /** An entry the portal writes as it saves the application: dated when the application was submitted. */
    public static TriggerEvent record(TriggerApplication application, String kind, boolean isPublic, String message) {
        return record(application, kind, isPublic, message, SYSTEM, application.submittedAt);
    }

    /** An entry written by {@code actor} (a member of staff's username, or the applicant) at {@code occurredAt}. */
    public static TriggerEvent record(TriggerApplication application, String kind, boolean isPublic, String message,
            String actor, Instant occurredAt) {
        TriggerEvent event = new TriggerEvent();
        event.application = application;
        event.occurredAt = occurredAt;
        event.kind = kind;
        event.isPublic = isPublic;
        event.actor = actor;
        event.message = message;
        event.persist();
        return event;
    }

    /** Every entry, internal and public, oldest first. */
    public static List<TriggerEvent> history(TriggerApplication application) {
        return list("application = ?1 order by occurredAt, id", application);
    }

    public static List<TriggerEvent> publicTimeline(TriggerApplication application) {
        return list("application = ?1 and isPublic = true order by occurredAt, id", application);
    }
}
