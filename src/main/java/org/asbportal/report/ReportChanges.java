package org.asbportal.report;

/**
 * What happens to reports, told as synchronous CDI events in the transaction of the change, so that
 * features built on reports (the ward figures) follow them without being called by the code that
 * changes them.
 */
public final class ReportChanges {

    private ReportChanges() {
    }

    /** A report was saved, with its history and its hand-over to triage (rows written, not yet flushed). */
    public record Received(long reportId) {
    }

    /** A report is about to change in a way that can move what is counted of it (its status, first contact, closure). */
    public record Changing(long reportId) {
    }

    /** The change announced by {@link Changing} has been made. */
    public record Changed(long reportId) {
    }
}
