-- Case work in the triage workspace: actions with an owner, a due date and a result; people
-- reported as causing the behaviour (perpetrators), linked to any number of cases; and keys that
-- find other reports by the same victim.

-- An action taken on a case: a warning, a contract, a referral... Its result is recorded once.
CREATE TABLE case_action (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id        BIGINT        NOT NULL,
    type             VARCHAR(40)   NOT NULL,
    description      VARCHAR(4000) NOT NULL,
    -- The owner: a member of staff, or the name of another agency or person.
    owner_account_id BIGINT        NULL,
    owner_name       VARCHAR(160)  NOT NULL,
    due_on           DATE          NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    result           VARCHAR(4000) NULL,
    recorded_by      VARCHAR(80)   NOT NULL,
    recorded_at      DATETIME(6)   NOT NULL,
    completed_by     VARCHAR(80)   NULL,
    completed_at     DATETIME(6)   NULL,
    version          INT           NOT NULL DEFAULT 0,
    CONSTRAINT ck_case_action_status CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    CONSTRAINT fk_case_action_report FOREIGN KEY (report_id) REFERENCES report (id),
    CONSTRAINT fk_case_action_owner FOREIGN KEY (owner_account_id) REFERENCES staff_account (id),
    KEY ix_case_action_report (report_id, due_on),
    KEY ix_case_action_due (status, due_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- People reported as responsible for the behaviour. Staff only: never shown to victims, never
-- written to logs. Equality monitoring answers are optional and may be "prefer not to say".
CREATE TABLE perpetrator (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(160)  NOT NULL,
    aliases       VARCHAR(500)  NULL,
    date_of_birth DATE          NULL,
    address       VARCHAR(500)  NULL,
    description   VARCHAR(2000) NULL,
    notes         VARCHAR(4000) NULL,
    age_band      VARCHAR(20)   NULL,
    sex           VARCHAR(30)   NULL,
    ethnicity     VARCHAR(40)   NULL,
    disability    VARCHAR(20)   NULL,
    created_by    VARCHAR(80)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    version       INT           NOT NULL DEFAULT 0,
    KEY ix_perpetrator_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_perpetrator (
    report_id      BIGINT      NOT NULL,
    perpetrator_id BIGINT      NOT NULL,
    linked_by      VARCHAR(80) NOT NULL,
    linked_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (report_id, perpetrator_id),
    CONSTRAINT fk_case_perpetrator_report FOREIGN KEY (report_id) REFERENCES report (id),
    CONSTRAINT fk_case_perpetrator_perpetrator FOREIGN KEY (perpetrator_id) REFERENCES perpetrator (id),
    KEY ix_case_perpetrator_perpetrator (perpetrator_id, report_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The same victim: the reporter's email (trimmed, lower case) and phone (digits only, +44 as 0),
-- computed by the database and absent for anonymous reports.
ALTER TABLE report
    ADD COLUMN victim_email_key VARCHAR(254) AS (CASE WHEN anonymous OR reporter_email IS NULL
            OR TRIM(reporter_email) = '' THEN NULL ELSE LOWER(TRIM(reporter_email)) END) PERSISTENT,
    ADD COLUMN victim_phone_key VARCHAR(40) AS (CASE WHEN anonymous OR reporter_phone IS NULL
            OR REGEXP_REPLACE(reporter_phone, '[^0-9]', '') = '' THEN NULL
            WHEN REGEXP_REPLACE(reporter_phone, '[^0-9]', '') LIKE '44%'
            THEN CONCAT('0', SUBSTRING(REGEXP_REPLACE(reporter_phone, '[^0-9]', ''), 3))
            ELSE REGEXP_REPLACE(reporter_phone, '[^0-9]', '') END) PERSISTENT,
    ADD KEY ix_report_victim_email (victim_email_key, submitted_at),
    ADD KEY ix_report_victim_phone (victim_phone_key, submitted_at),
    ADD KEY ix_report_place (ward_code, location_description(100)),
    ADD KEY ix_report_point (latitude, longitude);
