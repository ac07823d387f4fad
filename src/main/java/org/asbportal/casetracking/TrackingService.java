package org.asbportal.casetracking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

import org.asbportal.report.PublicReportStatus;
import org.asbportal.report.Report;
import org.asbportal.report.ReportEvent;
import org.asbportal.report.ReportService;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.AttemptLimiter;
import org.asbportal.web.InvalidSubmissionException;

/**
 * A victim's view of their case with the reference and access code: status and public updates, adding
 * information or a new incident, asking to be contacted. Wrong codes are counted per client and per
 * reference; past the limits every check is refused for a while, right or wrong.
 */
@ApplicationScoped
public class TrackingService {

    static final int MAX_TEXT = 4000;
    static final String VICTIM = "victim";

    /** What the victim is telling us. */
    public enum Addition {
        INFORMATION("More information", "You added information: "),
        NEW_INCIDENT("It happened again", "You told us it happened again: "),
        CONTACT_REQUEST("Please contact me", "You asked us to contact you: ");

        private final String label;
        private final String prefix;

        Addition(String label, String prefix) {
            this.label = label;
            this.prefix = prefix;
        }

        public String label() {
            return label;
        }
    }

    private final ReportService reports;
    private final AttemptLimiter limiter;

    public TrackingService(ReportService reports, AttemptLimiter limiter) {
        this.reports = reports;
        this.limiter = limiter;
    }

    /** The case, when reference and code match; empty otherwise (and the failure is counted). */
    public Optional<PublicReportStatus> status(String reference, String accessCode, String client) {
        String normalised = AccessCodes.normaliseReference(reference);
        limiter.check(clientBucket(client), referenceBucket(normalised));
        Optional<PublicReportStatus> status = reports.track(normalised, accessCode);
        if (status.isEmpty()) {
            limiter.failed(clientBucket(client), referenceBucket(normalised));
        }
        return status;
    }

    /** Adds what the victim tells us to the case's history, where staff and the victim see it. */
    @Transactional
    public Optional<PublicReportStatus> add(String reference, String accessCode, String client, Addition kind, String text) {
        if (kind == null) {
            throw new InvalidSubmissionException("kind", "Select what you want to tell us");
        }
        if (kind != Addition.CONTACT_REQUEST && (text == null || text.isBlank())) {
            throw new InvalidSubmissionException("text", "Tell us what you want to add");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidSubmissionException("text", "What you tell us must be 4,000 characters or fewer");
        }
        Optional<PublicReportStatus> status = status(reference, accessCode, client);
        if (status.isEmpty()) {
            return status;
        }
        Report report = Report.findByReference(status.get().reference()).orElseThrow();
        String message = kind.prefix + (text == null || text.isBlank() ? "(no message)" : text.strip());
        ReportEvent.record(report, kind.name(), true, message, VICTIM);
        return reports.track(report.reference, accessCode);
    }

    private static String clientBucket(String client) {
        return "track-client:" + (client == null ? "unknown" : client);
    }

    private static String referenceBucket(String reference) {
        return "track-reference:" + reference;
    }
}
