package org.asbportal.report;

import java.time.Instant;
import java.util.List;

/** What a victim holding the access code may see of their report. */
public record PublicReportStatus(
        String reference,
        ReportStatus status,
        String categoryName,
        String heldBy,
        Instant submittedAt,
        List<Update> updates) {

    public record Update(Instant at, String message) {
    }

    /** Whether the victim may still add information: not once the case is closed. */
    public boolean mayAddInformation() {
        return status != ReportStatus.CLOSED;
    }
}
