package org.asbportal.report;

import java.time.Instant;
import java.util.List;

/** The JSON view of a report for the victim holding its access code. */
public record ReportStatusResponse(
        String reference,
        ReportStatus status,
        String statusDescription,
        String category,
        String heldBy,
        Instant submittedAt,
        List<PublicReportStatus.Update> updates) {

    static ReportStatusResponse of(PublicReportStatus status) {
        return new ReportStatusResponse(status.reference(), status.status(), status.status().explanation(),
                status.categoryName(), status.heldBy(), status.submittedAt(), status.updates());
    }
}
