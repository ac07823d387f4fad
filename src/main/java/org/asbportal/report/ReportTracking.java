package org.asbportal.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

import org.asbportal.casetracking.CaseTracker;
import org.asbportal.security.AccessCodes;
import org.asbportal.web.ConflictException;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.UploadedFile;

/**
 * A victim's view of their report on {@code /track}, with the reference and access code: status,
 * who has it and public updates; while the case is open they may add information, say it happened
 * again or ask to be contacted.
 */
@ApplicationScoped
public class ReportTracking implements CaseTracker {

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

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance track(PublicReportStatus status, String accessCode, List<Addition> additions,
                String error, boolean added, String fileError, boolean fileAdded);
    }

    private final AccessCodes accessCodes;
    private final ReportIntake intake;
    private final ReportHistory history;
    private final EvidenceService evidence;

    public ReportTracking(AccessCodes accessCodes, ReportIntake intake, ReportHistory history, EvidenceService evidence) {
        this.accessCodes = accessCodes;
        this.intake = intake;
        this.history = history;
        this.evidence = evidence;
    }

    @Override
    public boolean recognises(String reference) {
        return reference.startsWith(ReportService.REFERENCE_PREFIX + "-");
    }

    @Override
    public Optional<TemplateInstance> page(String reference, String accessCode) {
        return status(reference, accessCode).map(status -> page(status, accessCode, null, false));
    }

    /** The report's page for its victim, with a problem to show by the form or the thanks for what they added. */
    static TemplateInstance page(PublicReportStatus status, String accessCode, String error, boolean added) {
        return Templates.track(status, accessCode, List.of(Addition.values()), error, added, null, false);
    }

    /** The report's page after a file was sent ({@code fileAdded}) or refused ({@code fileError}). */
    static TemplateInstance filePage(PublicReportStatus status, String accessCode, String fileError, boolean fileAdded) {
        return Templates.track(status, accessCode, List.of(Addition.values()), null, false, fileError, fileAdded);
    }

    /**
     * The victim's view of a report, when the access code matches. An unknown reference and a
     * wrong code are indistinguishable, in result and in time taken.
     */
    @Transactional
    public Optional<PublicReportStatus> status(String reference, String accessCode) {
        Optional<Report> found = Report.findByReference(AccessCodes.normaliseReference(reference));
        if (found.isEmpty()) {
            accessCodes.matchNothing(accessCode);
            return Optional.empty();
        }
        Report report = found.get();
        if (!accessCodes.matches(accessCode, report.accessCodeHash, upgraded -> report.accessCodeHash = upgraded)) {
            return Optional.empty();
        }
        List<PublicReportStatus.Update> updates = ReportEvent.publicTimeline(report).stream()
                .map(e -> new PublicReportStatus.Update(e.occurredAt, e.message))
                .toList();
        String heldBy = intake.find(report).map(ReportIntake.Intake::handledBy).orElse(null);
        return Optional.of(new PublicReportStatus(report.reference, report.status, report.category.name, heldBy,
                report.submittedAt, updates));
    }

    /** The victim's copy of what they told us and the updates they were given, when the access code matches. */
    @Transactional
    public Optional<ReportCopy> copy(String reference, String accessCode) {
        Optional<Report> found = Report.findByReference(AccessCodes.normaliseReference(reference));
        if (found.isEmpty()) {
            accessCodes.matchNothing(accessCode);
            return Optional.empty();
        }
        Report report = found.get();
        if (!accessCodes.matches(accessCode, report.accessCodeHash, upgraded -> report.accessCodeHash = upgraded)) {
            return Optional.empty();
        }
        return Optional.of(ReportCopy.of(report, ReportEvent.publicTimeline(report).stream()
                .map(e -> new PublicReportStatus.Update(e.occurredAt, e.message)).toList()));
    }

    /**
     * Keeps a file the victim sends with their report, under the same limits as files sent with it,
     * with a public entry in the case's history. Empty when reference and code do not match.
     *
     * @throws InvalidSubmissionException when no file was chosen, or it is refused (too big, too many, empty, its kind)
     * @throws ConflictException when the case is closed
     */
    public Optional<PublicReportStatus> addEvidence(String reference, String accessCode, UploadedFile file) {
        Optional<PublicReportStatus> status = status(reference, accessCode);
        if (status.isEmpty()) {
            return status;
        }
        if (!status.get().mayAddInformation()) {
            throw closed();
        }
        if (file == null) {
            throw new InvalidSubmissionException(EvidenceCleaner.FIELD, "Choose a file to upload");
        }
        String found = status.get().reference();
        EvidenceCleaner.Cleaned cleaned = evidence.check(found, file);
        QuarkusTransaction.requiringNew().run(() -> {
            Report report = Report.findByReference(found).orElseThrow();
            evidence.addToReport(report, cleaned);
            history.record(report, EvidenceService.ADDED, true, "You sent a file: " + cleaned.fileName(), VICTIM);
        });
        return status(found, accessCode);
    }

    private static ConflictException closed() {
        return new ConflictException("This case is closed",
                "Your report is closed, so we cannot add to it. If it is happening again, make a new report.");
    }

    /**
     * Adds what the victim tells us to the case's history, where staff and the victim see it.
     * Empty when reference and code do not match.
     *
     * @throws InvalidSubmissionException when nothing was chosen or written, or too much
     * @throws ConflictException when the case is closed: nothing is added to a closed case
     */
    @Transactional
    public Optional<PublicReportStatus> add(String reference, String accessCode, Addition kind, String text) {
        if (kind == null) {
            throw new InvalidSubmissionException("kind", "Select what you want to tell us");
        }
        if (kind != Addition.CONTACT_REQUEST && (text == null || text.isBlank())) {
            throw new InvalidSubmissionException("text", "Tell us what you want to add");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidSubmissionException("text", "What you tell us must be 4,000 characters or fewer");
        }
        Optional<PublicReportStatus> status = status(reference, accessCode);
        if (status.isEmpty()) {
            return status;
        }
        if (!status.get().mayAddInformation()) {
            throw closed();
        }
        Report report = Report.findByReference(status.get().reference()).orElseThrow();
        String message = kind.prefix + (text == null || text.isBlank() ? "(no message)" : text.strip());
        history.record(report, kind.name(), true, message, VICTIM);
        return status(report.reference, accessCode);
    }
}
