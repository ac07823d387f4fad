package org.asbportal.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A file a resident attached: a photo, a recording, a video or a document. Before the report is sent
 * it belongs to the draft ({@code draftId}), and goes with it when the draft expires; once sent, to
 * the report. Its bytes are kept by an {@link EvidenceStore}, named in {@code storage}.
 */
@Entity
@Table(name = "report_evidence")
public class Evidence extends PanacheEntityBase {

    /** Who added a file: the resident while reporting, or the victim later on {@code /track}. */
    public static final String RESIDENT = "resident";
    public static final String VICTIM = "victim";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id")
    public Report report;

    @Column(name = "draft_id")
    public Long draftId;

    /** The SHA-256 of the idempotency key the draft is sent with: how sending finds the draft's files. */
    @Column(name = "draft_key_hash")
    public String draftKeyHash;

    /** The name the resident's device gave it: shown to staff, never trusted for its type. */
    @Column(name = "file_name")
    public String fileName;

    /** The type detected from its content. */
    @Column(name = "media_type")
    public String mediaType;

    /** Bytes as stored (an image after re-encoding). */
    @Column(name = "size_bytes")
    public long sizeBytes;

    /** SHA-256 of the bytes as stored. */
    public String sha256;

    public String storage;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at")
    public Instant addedAt;

    public static List<Evidence> forDraft(long draftId) {
        return list("draftId = ?1 order by id", draftId);
    }

    public static long countForDraft(long draftId) {
        return count("draftId", draftId);
    }

    public static List<Evidence> forReport(Report report) {
        return list("report = ?1 order by id", report);
    }

    public static long countForReport(Report report) {
        return count("report", report);
    }
}
