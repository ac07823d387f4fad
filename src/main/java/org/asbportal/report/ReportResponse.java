package org.asbportal.report;

import java.time.LocalDate;

/** The JSON answer to a saved report. */
public record ReportResponse(
        String reference,
        String accessCode,
        RiskLevel riskLevel,
        String queue,
        String queueName,
        String wardCode,
        LocalDate firstContactDueBy,
        boolean verified,
        boolean possibleDuplicate) {

    static ReportResponse of(SubmittedReport report) {
        return new ReportResponse(report.reference(), report.accessCode(), report.riskLevel(), report.queueCode(),
                report.queueName(), report.wardCode(), report.firstContactDueBy(), report.verified(),
                report.possibleDuplicate());
    }
}
