package org.asbportal.report;

import org.asbportal.report.ReportSubmission.Equality;
import org.asbportal.report.ReportSubmission.Frequency;
import org.asbportal.report.ReportSubmission.Location;
import org.asbportal.report.ReportSubmission.Reporter;
import org.asbportal.report.ReportSubmission.RiskAnswers;

/**
 * The JSON body of {@code POST /api/v1/reports}. {@code occurredAt} is ISO-8601: a date
 * ({@code 2026-11-20}), a local date and time ({@code 2026-11-20T21:30}) or one with an offset.
 */
public record ReportRequest(
        String categoryCode,
        String description,
        String peopleInvolved,
        String occurredAt,
        Boolean stillHappening,
        Frequency frequency,
        Location location,
        Boolean anonymous,
        Reporter reporter,
        RiskAnswers risk,
        Boolean consentToShare,
        Equality equality,
        String captchaToken) {

    /** Fields whose JSON name differs from the service's. */
    static String jsonField(String field) {
        return switch (field) {
            case "occurredOn", "occurredTime" -> "occurredAt";
            default -> field;
        };
    }
}
