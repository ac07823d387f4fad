package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.asbportal.report.Report;
import org.asbportal.report.ReportEvent;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;

/**
 * A portal report an application cites, as the coordinator reads it to check the complaint: what it
 * is about, when, its status and its history, public and internal. Read only, audited, and only a
 * report the application really cites: any other reference is not found.
 */
@ApplicationScoped
public class TriggerCitedReports {

    /** The cited report as the coordinator sees it. */
    public record CitedReport(String applicationReference, int position, String reference, String category,
            LocalDate occurredOn, Instant submittedAt, String description, String statusLabel, String location,
            boolean stillHappening, List<Entry> history) {
    }

    /** One entry of the report's history; the coordinator sees whether the victim sees it too. */
    public record Entry(Instant at, String actor, boolean isPublic, String message) {
    }

    private final ReviewedApplications applications;
    private final CurrentStaff staff;
    private final AuditLog audit;

    public TriggerCitedReports(ReviewedApplications applications, CurrentStaff staff, AuditLog audit) {
        this.applications = applications;
        this.staff = staff;
        this.audit = audit;
    }

    /** The report, when the application cites it. Audited. */
    @Transactional
    public CitedReport view(String applicationReference, String reportReference) {
        TriggerApplication application = applications.find(applicationReference, LockModeType.NONE);
        String wanted = AccessCodes.normaliseReference(reportReference == null ? "" : reportReference);
        TriggerComplaint complaint = TriggerComplaint.of(application).stream()
                .filter(c -> c.report != null && c.report.reference.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new TriggerNotFoundException("This application does not cite a report with this reference"));
        Report report = complaint.report;
        List<Entry> history = ReportEvent.<ReportEvent>list("report = ?1 order by occurredAt, id", report).stream()
                .map(e -> new Entry(e.occurredAt, e.actor, e.isPublic, e.message)).toList();
        audit.record(staff.username(), "READ_TRIGGER_CITED_REPORT", report.reference, application.reference);
        return new CitedReport(application.reference, complaint.position, report.reference, report.category.name,
                report.occurredOn, report.submittedAt, report.description, report.status.label(), report.locationDescription,
                report.stillHappening, history);
    }
}
