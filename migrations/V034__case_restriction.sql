-- Multi-agency lock-down of a case (a safeguarding matter, a member of staff as victim): while a row
-- exists, only officers of the listed organisations see the case's details; everyone else sees that
-- a restricted case exists and whom to ask. Lifting deletes the row: the audit trail and the case's
-- internal history keep who restricted and lifted it, and when.
CREATE TABLE case_restriction (
    report_id        BIGINT        NOT NULL PRIMARY KEY,
    reason           VARCHAR(1000) NOT NULL,
    restricted_by_id BIGINT        NOT NULL,
    restricted_at    DATETIME(6)   NOT NULL,
    version          INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_case_restriction_report FOREIGN KEY (report_id) REFERENCES report (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_restriction_officer FOREIGN KEY (restricted_by_id) REFERENCES staff_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The agencies allowed to see a restricted case (the restricting officer's always among them).
CREATE TABLE case_restriction_agency (
    report_id       BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    PRIMARY KEY (report_id, organisation_id),
    CONSTRAINT fk_case_restriction_agency_case FOREIGN KEY (report_id) REFERENCES case_restriction (report_id) ON DELETE CASCADE,
    CONSTRAINT fk_case_restriction_agency_org FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    KEY ix_case_restriction_agency_org (organisation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An officer's flag that a young person on the case may be criminally exploited (the VAMAP list).
ALTER TABLE queue_item ADD COLUMN exploitation_concern BOOLEAN NOT NULL DEFAULT FALSE;
