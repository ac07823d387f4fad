package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.asbportal.report.EvidenceService;
import org.asbportal.report.EvidenceViews;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;

/**
 * The files residents sent with a case, for the staff who may work it: listed on the case page and
 * downloaded one at a time, each download audited. A case outside the officer's queues, or a file
 * not of that case, is not found.
 */
@ApplicationScoped
public class CaseEvidence {

    private final CaseService cases;
    private final EvidenceService evidence;
    private final AuditLog audit;
    private final CurrentStaff staff;

    public CaseEvidence(CaseService cases, EvidenceService evidence, AuditLog audit, CurrentStaff staff) {
        this.cases = cases;
        this.evidence = evidence;
        this.audit = audit;
        this.staff = staff;
    }

    /** The files of a case the officer may work. */
    @Transactional
    public List<EvidenceViews.EvidenceFile> files(String reference) {
        cases.ensureWorkable(reference);
        return evidence.files(reference);
    }

    /** A file of a case the officer may work; the download is audited. */
    @Transactional
    public EvidenceViews.Download download(String reference, long id) {
        cases.ensureWorkable(reference);
        EvidenceViews.Download file = evidence.download(reference, id).orElseThrow(CaseNotFoundException::new);
        audit.record(staff.username(), "DOWNLOAD_EVIDENCE", AccessCodes.normaliseReference(reference), "file " + id);
        return file;
    }

    /**
     * A Content-Disposition that always downloads: the name in plain ASCII (anything else as an
     * underscore) and in full UTF-8 (RFC 6266).
     */
    static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ ()-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
