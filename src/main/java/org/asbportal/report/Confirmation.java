package org.asbportal.report;

import java.util.List;

import org.asbportal.contact.DirectoryEntry;

/** The confirmation page: the reference, the access code (shown once) and what happens next. */
public record Confirmation(SubmittedReport report, String categoryName, boolean anonymous, List<DirectoryEntry> contacts) {

    /** The case review application with this report and the victim's earlier one listed, or null. */
    public String caseReviewPath() {
        return report.earlierReport() == null ? null : ReportReceipts.caseReviewPath(report.earlierReport(), report.reference());
    }
}
