-- Residents' rights under UK GDPR: the requests an administrator answers (a copy of everything held
-- about a person, erasure) and legal holds that keep a record from the retention job and from erasure.

-- A subject access request: who searched, when, what kind of term (never the term itself, only its
-- SHA-256) and the records it found, by id, so that the copy, the printable page and an erasure all
-- work on the same records the administrator saw. An erasure is recorded on the request it applied to.
CREATE TABLE subject_access_request (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    requested_at   DATETIME(6)   NOT NULL,
    requested_by   VARCHAR(80)   NOT NULL,
    term_kind      VARCHAR(10)   NOT NULL,
    term_hash      CHAR(64)      NOT NULL,
    report_ids     VARCHAR(2000) NOT NULL,
    application_ids VARCHAR(2000) NOT NULL,
    contact_ids    VARCHAR(2000) NOT NULL,
    message_ids    VARCHAR(4000) NOT NULL,
    erased_at      DATETIME(6)   NULL,
    erased_by      VARCHAR(80)   NULL,
    erasure_reason VARCHAR(500)  NULL,
    CONSTRAINT ck_subject_access_term_kind CHECK (term_kind IN ('EMAIL', 'PHONE', 'REFERENCE')),
    KEY ix_subject_access_requested (requested_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A legal hold on a report (and its case) or a Community Trigger application, e.g. during live legal
-- action: while it is not lifted, the retention job skips the record and erasure refuses it.
CREATE TABLE legal_hold (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    record_kind VARCHAR(12)  NOT NULL,
    reference   VARCHAR(14)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    placed_by   VARCHAR(80)  NOT NULL,
    placed_at   DATETIME(6)  NOT NULL,
    lifted_by   VARCHAR(80)  NULL,
    lifted_at   DATETIME(6)  NULL,
    CONSTRAINT ck_legal_hold_kind CHECK (record_kind IN ('REPORT', 'APPLICATION')),
    KEY ix_legal_hold_reference (reference, lifted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A Community Trigger application whose applicant's details were removed (by erasure or retention).
ALTER TABLE trigger_application
    ADD COLUMN anonymised_at DATETIME(6) NULL;

-- A perpetrator's record whose cases have all been closed long enough (asb.retention.perpetrators-after).
ALTER TABLE perpetrator
    ADD COLUMN anonymised_at DATETIME(6) NULL;

-- When a PLEDGE contact last signed in: a contact who has not for asb.retention.pledge-contacts-after is removed.
ALTER TABLE pledge_contact
    ADD COLUMN signed_in_at DATETIME(6) NULL;

-- Sign-ins before this were not recorded (links and sessions are purged when they expire): a contact
-- who confirmed their address counts as signed in now, so nobody is removed for want of a record.
UPDATE pledge_contact SET signed_in_at = UTC_TIMESTAMP(6) WHERE verified_at IS NOT NULL;

-- What each run of the retention job changed of the kinds it covers since.
ALTER TABLE retention_run
    ADD COLUMN perpetrators         INT NOT NULL DEFAULT 0,
    ADD COLUMN applications         INT NOT NULL DEFAULT 0,
    ADD COLUMN pledge_registrations INT NOT NULL DEFAULT 0,
    ADD COLUMN pledge_contacts      INT NOT NULL DEFAULT 0;
