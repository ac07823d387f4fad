package org.asbportal.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a victim told us in their report and the updates we gave them, as they may download it from
 * {@code /track}: their answers and the public history, nothing staff wrote for each other.
 */
public record ReportCopy(String reference, Instant sent, String status, String kindOfBehaviour, LocalDate happenedOn,
        LocalTime happenedAt, boolean stillHappening, String whereItHappened, String town, String whatHappened,
        String peopleInvolved, boolean anonymous, String yourName, String yourEmail, String yourPhone, String howToContactYou,
        String safeTimesToContactYou, List<PublicReportStatus.Update> updates) {

    /** Built from the report and its public timeline. */
    static ReportCopy of(Report report, List<PublicReportStatus.Update> updates) {
        return new ReportCopy(report.reference, report.submittedAt, report.status.label(), report.category.name, report.occurredOn,
                report.occurredTime, report.stillHappening, report.locationDescription, report.town, report.description,
                report.peopleInvolved, report.anonymous, report.reporterName, report.reporterEmail, report.reporterPhone,
                report.preferredContact == null ? null : report.preferredContact.name(), report.safeContactTimes, updates);
    }
}
