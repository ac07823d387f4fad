-- Photos, audio, video and documents a resident attaches to their report: uploaded on the report
-- journey, where they belong to the unsent draft (and are deleted with it when it expires), then
-- attached to the report in the transaction that saves it; or added later by the victim on /track.
-- The bytes are in report_evidence_content (asb.evidence.storage=database), never on a replica's disk;
-- images are stored re-encoded, without their metadata (EXIF, GPS).
CREATE TABLE report_evidence (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id      BIGINT        NULL,
    draft_id       BIGINT        NULL,
    draft_key_hash CHAR(64)      NULL,
    file_name      VARCHAR(255)  NOT NULL,
    media_type     VARCHAR(100)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         CHAR(64)      NOT NULL,
    storage        VARCHAR(20)   NOT NULL,
    added_by       VARCHAR(20)   NOT NULL,
    added_at       DATETIME(6)   NOT NULL,
    CONSTRAINT fk_report_evidence_report FOREIGN KEY (report_id) REFERENCES report (id),
    CONSTRAINT fk_report_evidence_draft FOREIGN KEY (draft_id) REFERENCES journey_draft (id) ON DELETE CASCADE,
    CONSTRAINT ck_report_evidence_owner CHECK (report_id IS NOT NULL OR draft_id IS NOT NULL),
    INDEX ix_report_evidence_report (report_id),
    INDEX ix_report_evidence_draft_key (draft_key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_evidence_content (
    evidence_id BIGINT   NOT NULL PRIMARY KEY,
    content     LONGBLOB NOT NULL,
    CONSTRAINT fk_report_evidence_content FOREIGN KEY (evidence_id) REFERENCES report_evidence (id) ON DELETE CASCADE
) ENGINE=InnoDB;
