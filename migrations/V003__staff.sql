-- Partner agencies' staff: organisations, accounts, the queues and wards they are granted, and the
-- audit log of every staff read or change of a case.

CREATE TABLE organisation (
    id      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code    VARCHAR(40)  NOT NULL,
    name    VARCHAR(160) NOT NULL,
    CONSTRAINT uq_organisation_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO organisation (code, name) VALUES
 ('COUNCIL',     'The council'),
 ('POLICE',      'Police'),
 ('HOUSING',     'Housing providers'),
 ('PARTNERSHIP', 'Community safety partnership');

ALTER TABLE triage_queue ADD COLUMN organisation_id BIGINT NULL,
    ADD CONSTRAINT fk_triage_queue_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id);

UPDATE triage_queue q JOIN organisation o ON o.code = CASE q.code
        WHEN 'POLICE_NEIGHBOURHOOD' THEN 'POLICE'
        WHEN 'HOUSING_PROVIDERS'    THEN 'HOUSING'
        WHEN 'HATE_INCIDENTS'       THEN 'PARTNERSHIP'
        WHEN 'VULNERABILITY_HUB'    THEN 'PARTNERSHIP'
        WHEN 'MANUAL_CHECK'         THEN 'PARTNERSHIP'
        ELSE 'COUNCIL' END
   SET q.organisation_id = o.id;

CREATE TABLE staff_account (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(80)  NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    display_name    VARCHAR(160) NOT NULL,
    email           VARCHAR(254) NULL,
    organisation_id BIGINT       NOT NULL,
    -- Comma-separated: ADMIN, TRIAGE_OFFICER, CASEWORKER, TRIGGER_COORDINATOR, PLEDGE_REVIEWER, COUNCILLOR
    roles           VARCHAR(200) NOT NULL,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins   INT          NOT NULL DEFAULT 0,
    locked_until    DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_staff_account_username UNIQUE (username),
    CONSTRAINT fk_staff_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_queue_grant (
    account_id BIGINT NOT NULL,
    queue_id   BIGINT NOT NULL,
    PRIMARY KEY (account_id, queue_id),
    CONSTRAINT fk_queue_grant_account FOREIGN KEY (account_id) REFERENCES staff_account (id) ON DELETE CASCADE,
    CONSTRAINT fk_queue_grant_queue FOREIGN KEY (queue_id) REFERENCES triage_queue (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_ward_grant (
    account_id BIGINT      NOT NULL,
    ward_code  VARCHAR(16) NOT NULL,
    PRIMARY KEY (account_id, ward_code),
    CONSTRAINT fk_ward_grant_account FOREIGN KEY (account_id) REFERENCES staff_account (id) ON DELETE CASCADE,
    CONSTRAINT fk_ward_grant_ward FOREIGN KEY (ward_code) REFERENCES ward (code) ON UPDATE CASCADE ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who holds a queue item, and the ordering the queue page sorts by (risk first, then age).
ALTER TABLE queue_item
    ADD COLUMN risk_rank   INT         NOT NULL DEFAULT 0,
    ADD COLUMN assigned_to BIGINT      NULL,
    ADD COLUMN assigned_at DATETIME(6) NULL,
    ADD COLUMN closed_at   DATETIME(6) NULL,
    ADD COLUMN outcome     VARCHAR(40) NULL,
    ADD COLUMN open_item   TINYINT AS (CASE WHEN status = 'CLOSED' THEN 0 ELSE 1 END) PERSISTENT,
    ADD CONSTRAINT fk_queue_item_assigned_to FOREIGN KEY (assigned_to) REFERENCES staff_account (id),
    ADD KEY ix_queue_item_worklist (queue_id, open_item, risk_rank DESC, created_at, id),
    ADD KEY ix_queue_item_assignee (assigned_to, open_item);
UPDATE queue_item SET risk_rank = CASE risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END;

-- Staff reads and changes of cases. Append-only.
CREATE TABLE audit_entry (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(80)   NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    reference   VARCHAR(14)   NULL,
    detail      VARCHAR(1000) NULL,
    KEY ix_audit_entry_reference (reference, occurred_at),
    KEY ix_audit_entry_actor (actor, occurred_at),
    KEY ix_audit_entry_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
