package org.asbportal.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;

import org.asbportal.security.AccessCodes;
import org.asbportal.web.Calendar;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.UploadedFile;
import org.asbportal.web.journey.DraftFiles;

/**
 * Residents' files on a report. On the report journey they are kept with the draft (as its
 * {@link DraftFiles}) and attached to the report in the transaction that saves it; the victim can add
 * more on {@code /track}; staff working the case list and download them. Every file is checked and
 * cleaned first ({@link EvidenceCleaner}), outside any transaction.
 */
@Named("evidence")
@ApplicationScoped
public class EvidenceService implements DraftFiles {

    /** The kind of the history entry recording files added to a report. */
    public static final String ADDED = "EVIDENCE_ADDED";

    private final EvidenceConfig config;
    private final EvidenceCleaner cleaner;
    private final EvidenceStore store;
    private final Calendar calendar;

    public EvidenceService(EvidenceConfig config, EvidenceCleaner cleaner, EvidenceStore store, Calendar calendar) {
        this.config = config;
        this.cleaner = cleaner;
        this.store = store;
        this.calendar = calendar;
    }

    /** Most files a report holds. */
    public int maxFiles() {
        return config.maxFiles();
    }

    /** The largest file, in words: "10 MB". */
    public String maxFileSize() {
        return EvidenceViews.size(config.maxFileSize().asLongValue());
    }

    @Override
    @Transactional
    public List<Listed> list(DraftRef draft) {
        return Evidence.forDraft(draft.id()).stream()
                .map(e -> new Listed(e.id, e.fileName, EvidenceViews.describe(e)))
                .toList();
    }

    @Override
    public void add(DraftRef draft, UploadedFile file) {
        refuseWhenFull(QuarkusTransaction.requiringNew().call(() -> Evidence.countForDraft(draft.id())));
        EvidenceCleaner.Cleaned cleaned = cleaner.clean(file);
        QuarkusTransaction.requiringNew().run(() -> {
            refuseWhenFull(Evidence.countForDraft(draft.id()));
            Evidence evidence = newEvidence(cleaned, Evidence.RESIDENT);
            evidence.draftId = draft.id();
            evidence.draftKeyHash = draft.submissionKeyHash();
            keep(evidence, cleaned);
        });
    }

    @Override
    @Transactional
    public void remove(DraftRef draft, long fileId) {
        Evidence.<Evidence>findByIdOptional(fileId)
                .filter(e -> e.report == null && Long.valueOf(draft.id()).equals(e.draftId))
                .ifPresent(e -> {
                    store.delete(e.id);
                    e.delete();
                });
    }

    /**
     * Moves the files of the draft sent with {@code keyHash} to {@code report}, in the transaction
     * saving it; returns how many there were.
     */
    @Transactional(TxType.MANDATORY)
    int attachDraftFiles(String keyHash, Report report) {
        if (keyHash == null) {
            return 0;
        }
        return Evidence.update("report = ?1, draftId = null, draftKeyHash = null where draftKeyHash = ?2 and report is null",
                report, keyHash);
    }

    /**
     * Checks and cleans a file the victim adds on {@code /track}, outside any transaction: the caller
     * then keeps it with {@link #addToReport}.
     */
    EvidenceCleaner.Cleaned check(String reference, UploadedFile file) {
        refuseWhenReportFull(QuarkusTransaction.requiringNew().call(() -> Evidence.count("report.reference", reference)));
        return cleaner.clean(file);
    }

    /** Keeps a checked file with a report, in the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    Evidence addToReport(Report report, EvidenceCleaner.Cleaned cleaned) {
        refuseWhenReportFull(Evidence.countForReport(report));
        Evidence evidence = newEvidence(cleaned, Evidence.VICTIM);
        evidence.report = report;
        keep(evidence, cleaned);
        return evidence;
    }

    /** The files of a report, as staff see them listed. */
    @Transactional(TxType.MANDATORY)
    public List<EvidenceViews.EvidenceFile> files(String reference) {
        return Report.findByReference(AccessCodes.normaliseReference(reference))
                .map(report -> Evidence.forReport(report).stream()
                        .map(e -> new EvidenceViews.EvidenceFile(e.id, e.fileName, EvidenceViews.label(e.mediaType),
                                EvidenceViews.size(e.sizeBytes), e.addedAt,
                                Evidence.VICTIM.equals(e.addedBy) ? "Victim, on tracking page" : "Resident, with the report",
                                "/staff/cases/" + report.reference + "/evidence/" + e.id))
                        .toList())
                .orElse(List.of());
    }

    /** A file of the report {@code reference}, to download; empty when it is not one of that report's. */
    @Transactional(TxType.MANDATORY)
    public Optional<EvidenceViews.Download> download(String reference, long id) {
        return Evidence.<Evidence>findByIdOptional(id)
                .filter(e -> e.report != null && e.report.reference.equals(AccessCodes.normaliseReference(reference)))
                .map(e -> new EvidenceViews.Download(e.fileName, e.mediaType, store.read(e.id)));
    }

    private void refuseWhenFull(long count) {
        if (count >= config.maxFiles()) {
            throw new InvalidSubmissionException(EvidenceCleaner.FIELD, "You can add up to " + config.maxFiles()
                    + " files. Remove one to add another");
        }
    }

    private void refuseWhenReportFull(long count) {
        if (count >= config.maxFiles()) {
            throw new InvalidSubmissionException(EvidenceCleaner.FIELD, "Your report already has " + config.maxFiles()
                    + " files, the most it can have. If you have more, tell us in Tell us more and the team will ask for them");
        }
    }

    private Evidence newEvidence(EvidenceCleaner.Cleaned cleaned, String addedBy) {
        Evidence evidence = new Evidence();
        evidence.fileName = cleaned.fileName();
        evidence.mediaType = cleaned.mediaType();
        evidence.sizeBytes = cleaned.content().length;
        evidence.sha256 = sha256(cleaned.content());
        evidence.storage = store.name();
        evidence.addedBy = addedBy;
        evidence.addedAt = calendar.now();
        return evidence;
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private void keep(Evidence evidence, EvidenceCleaner.Cleaned cleaned) {
        evidence.persist();
        evidence.flush();
        store.put(evidence.id, cleaned.content());
    }
}
