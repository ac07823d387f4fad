package org.asbportal.report;

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
 * One entry in a report's append-only history. Entries are never changed or removed; public ones
 * make up the victim's timeline.
 */
@Entity
@Immutable
@Table(name = "report_event")
public class ReportEvent extends PanacheEntityBase {

    /** The system itself, as the actor of automatic entries. */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "report_id")
    public Report report;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String kind;

    @Column(name = "is_public")
    public boolean isPublic;

    public String actor;

    public String message;

    /** Appends an entry to the report's history; other features go through {@link ReportHistory}. */
    static ReportEvent record(Report report, String kind, boolean isPublic, String message, String actor, Instant at) {
        ReportEvent event = new ReportEvent();
        event.report = report;
        event.occurredAt = at;
        event.kind = kind;
        event.isPublic = isPublic;
        event.actor = actor;
        event.message = message;
        event.persist();
        return event;
    }

    public static List<ReportEvent> publicTimeline(Report report) {
        return list("report = ?1 and isPublic = true order by occurredAt, id", report);
    }
}
