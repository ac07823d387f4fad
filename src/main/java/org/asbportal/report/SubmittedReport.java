package org.asbportal.report;

import java.time.LocalDate;

/**
 * What a resident is told once their report is saved. The access code is only ever known here:
 * the database keeps its hash.
 */
public record SubmittedReport(
        String reference,
        String accessCode,
        RiskLevel riskLevel,
        String queueCode,
        String queueName,
        /** The partner agency working the report, as the resident is told it (the partnership when its queue has none). */
        String handledBy,
        String wardCode,
        String categoryCode,
        LocalDate firstContactDueBy,
        boolean verified,
        boolean possibleDuplicate,
        /**
         * The victim's latest earlier report within six months, when this is not their first: they are
         * told of their right to an ASB case review (the 2025 statutory guidance), or null.
         */
        String earlierReport) {

    /** The same, flagged (or not) as a possible duplicate. */
    SubmittedReport withPossibleDuplicate(boolean flagged) {
        return new SubmittedReport(reference, accessCode, riskLevel, queueCode, queueName, handledBy, wardCode, categoryCode,
                firstContactDueBy, verified, flagged, earlierReport);
    }
}
