-- Retention of personal data (UK GDPR): a closed report is anonymised some time after it was closed
-- (asb.retention.closed-reports-after), and audit entries are deleted when old enough
-- (asb.retention.audit-entries-after). A report's anonymisation time marks it done, so a run that
-- stops half-way is taken up again by the next one.
ALTER TABLE report
    ADD COLUMN anonymised_at DATETIME(6) NULL;

-- Closed reports are found by the time their queue item was closed.
ALTER TABLE queue_item
    ADD KEY ix_queue_item_closed (closed_at, report_id);

-- Each run of the retention job, scheduled or started by an administrator, and what it changed (or,
-- in a dry run, would have changed), kind by kind.
CREATE TABLE retention_run (
    id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    started_at        DATETIME(6) NOT NULL,
    finished_at       DATETIME(6) NULL,
    dry_run           BOOLEAN     NOT NULL,
    started_by        VARCHAR(80) NOT NULL,
    reports           INT         NOT NULL DEFAULT 0,
    equality_answers  INT         NOT NULL DEFAULT 0,
    evidence_files    INT         NOT NULL DEFAULT 0,
    victim_additions  INT         NOT NULL DEFAULT 0,
    audit_entries     INT         NOT NULL DEFAULT 0,
    KEY ix_retention_run_started (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
