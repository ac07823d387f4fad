-- The privacy notice and the consent wording as data, one row per version: the notice page shows
-- the version in force, the consent question shows its wording, and each report and Community
-- Trigger application records the version in force when it was sent. A new wording is a new row,
-- never an edit of an old one.
CREATE TABLE privacy_notice_version (
    id             INT           NOT NULL PRIMARY KEY,
    label          VARCHAR(20)   NOT NULL,
    effective_from DATE          NOT NULL,
    consent_text   VARCHAR(1000) NOT NULL,
    CONSTRAINT uq_privacy_notice_version_label UNIQUE (label)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO privacy_notice_version (id, label, effective_from, consent_text) VALUES
 (1, '1.0', '2020-01-01', 'Partners such as the police, the council, housing providers and support services may need your report to act on it. We share only what they need. If you say no, only the team your report goes to will see it, unless the law requires us to share it (for example, to protect someone from harm).');

ALTER TABLE report ADD COLUMN privacy_notice_version INT NULL;
ALTER TABLE trigger_application ADD COLUMN privacy_notice_version INT NULL;
