package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.asbportal.web.Calendar;

/**
 * The only way a report's status and history change: other features (triage working the case, the
 * victim adding information) ask here, and the report tells whoever follows it through
 * {@link ReportChanges}. History is append-only.
 */
@ApplicationScoped
public class ReportHistory {

    /** The history entry that closes a case. */
    public static final String CLOSED = "CLOSED";

    private final Calendar calendar;
    private final Event<ReportChanges.Changing> changing;
    private final Event<ReportChanges.Changed> changed;

    public ReportHistory(Calendar calendar, Event<ReportChanges.Changing> changing, Event<ReportChanges.Changed> changed) {
        this.calendar = calendar;
        this.changing = changing;
        this.changed = changed;
    }

    /** Appends an entry, public (the victim sees it) or internal, by {@code actor}. */
    @Transactional(TxType.MANDATORY)
    public ReportEvent record(Report report, String kind, boolean isPublic, String message, String actor) {
        return ReportEvent.record(report, kind, isPublic, message, actor, calendar.now());
    }

    /**
     * First contact: an officer takes up a report still only received. It moves to in progress and the
     * victim is told; returns that public entry, or null when the report was already taken up.
     */
    @Transactional(TxType.MANDATORY)
    public ReportEvent takeUp(Report report, String actor) {
        if (report.status != ReportStatus.RECEIVED) {
            return null;
        }
        changing.fire(new ReportChanges.Changing(report.id));
        report.status = ReportStatus.IN_PROGRESS;
        ReportEvent event = record(report, "IN_PROGRESS", true, "An officer is now working on your report.", actor);
        changed.fire(new ReportChanges.Changed(report.id));
        return event;
    }

    /** A public update reached the victim: a report only received counts as in progress from now on. */
    @Transactional(TxType.MANDATORY)
    public void updatedPublicly(Report report) {
        if (report.status == ReportStatus.RECEIVED) {
            changing.fire(new ReportChanges.Changing(report.id));
            report.status = ReportStatus.IN_PROGRESS;
            changed.fire(new ReportChanges.Changed(report.id));
        }
    }

    /** Closes the report with the public entry telling the victim why; returns that entry. */
    @Transactional(TxType.MANDATORY)
    public ReportEvent close(Report report, String message, String actor) {
        changing.fire(new ReportChanges.Changing(report.id));
        report.status = ReportStatus.CLOSED;
        ReportEvent event = record(report, CLOSED, true, message, actor);
        changed.fire(new ReportChanges.Changed(report.id));
        return event;
    }
}
