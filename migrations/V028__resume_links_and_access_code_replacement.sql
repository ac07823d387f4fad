-- "Save and come back later": the link emailed to a resident to come back to a journey draft is
-- found by the SHA-256 of its token (the token itself and the address are never stored here). The
-- draft's expires_at is kept at or after resume_expires_at, so the purge never deletes a draft
-- whose link still works.
ALTER TABLE journey_draft
    ADD COLUMN resume_token_hash CHAR(64)    NULL,
    ADD COLUMN resume_expires_at DATETIME(6) NULL,
    ADD CONSTRAINT uq_journey_draft_resume UNIQUE (resume_token_hash);

-- A lost access code replaced through a link emailed to the address the report gave: single use,
-- found by the SHA-256 of its token, expiring; a newer request replaces the report's older links.
CREATE TABLE access_code_replacement (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id   BIGINT      NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    CONSTRAINT uq_access_code_replacement_token UNIQUE (token_hash),
    CONSTRAINT fk_access_code_replacement_report FOREIGN KEY (report_id) REFERENCES report (id) ON DELETE CASCADE,
    INDEX ix_access_code_replacement_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
