-- The coordinator's review of a Community Trigger application: the threshold decision, the
-- agencies' information, the review meeting, its recommendations, the outcome told to the
-- applicant, and the applicant's escalation when unhappy with the decision or the outcome.

ALTER TABLE trigger_application
    MODIFY status VARCHAR(30) NOT NULL,
    -- Every change of the review moves the version on, so a stale form is refused.
    ADD COLUMN updated_at             DATETIME(6)   NULL,
    -- The threshold decision: met as the rules count the complaints, or proceeding at the
    -- coordinator's discretion although not met because the victim is vulnerable.
    ADD COLUMN decided_on             DATE          NULL,
    ADD COLUMN decision_met           BOOLEAN       NULL,
    ADD COLUMN decision_complaints    INT           NULL,
    ADD COLUMN decision_discretionary BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN victim_vulnerable      BOOLEAN       NULL,
    ADD COLUMN decision_reasons       VARCHAR(4000) NULL,
    ADD COLUMN decided_by             VARCHAR(120)  NULL,
    -- Agencies asked for their information (codes, comma separated) and what they have done.
    ADD COLUMN agencies_asked         VARCHAR(200)  NULL,
    ADD COLUMN agencies_other         VARCHAR(160)  NULL,
    ADD COLUMN agencies_summary       TEXT          NULL,
    -- The review meeting.
    ADD COLUMN meeting_on             DATE          NULL,
    ADD COLUMN meeting_chair          VARCHAR(160)  NULL,
    ADD COLUMN chair_independent      BOOLEAN       NULL,
    ADD COLUMN meeting_attending      VARCHAR(200)  NULL,
    ADD COLUMN victim_attended        BOOLEAN       NULL,
    ADD COLUMN impact_statement       TEXT          NULL,
    ADD COLUMN findings               TEXT          NULL,
    -- The outcome, told in the outcome letter.
    ADD COLUMN outcome_summary        TEXT          NULL,
    ADD COLUMN outcome_on             DATE          NULL,
    ADD COLUMN letter_emailed         BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD KEY ix_trigger_application_status (status, submitted_at),
    ADD KEY ix_trigger_application_decided (decided_on),
    ADD KEY ix_trigger_application_meeting (meeting_on);

-- A complaint to another agency, once the agency has said whether it was made: who checked, when.
ALTER TABLE trigger_complaint
    ADD COLUMN confirmation  VARCHAR(20)  NULL,
    ADD COLUMN confirmed_by  VARCHAR(120) NULL,
    ADD COLUMN confirmed_at  DATETIME(6)  NULL,
    ADD CONSTRAINT ck_trigger_complaint_confirmation CHECK (confirmation IS NULL OR confirmation IN ('CONFIRMED', 'NOT_CONFIRMED'));

-- A step the review no longer needs (the threshold was not met): never due, never overdue.
ALTER TABLE trigger_step
    ADD COLUMN not_needed BOOLEAN NOT NULL DEFAULT FALSE;

-- What the review meeting recommends: each owned by an agency, due by a date, done or open.
CREATE TABLE trigger_recommendation (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id  BIGINT        NOT NULL,
    text            VARCHAR(2000) NOT NULL,
    owner_agency    VARCHAR(160)  NOT NULL,
    due_on          DATE          NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(120)  NOT NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT ck_trigger_recommendation_status CHECK (status IN ('OPEN', 'DONE')),
    CONSTRAINT fk_trigger_recommendation_application FOREIGN KEY (application_id) REFERENCES trigger_application (id),
    KEY ix_trigger_recommendation_application (application_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Progress on a recommendation over time: append-only.
CREATE TABLE trigger_recommendation_progress (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recommendation_id  BIGINT        NOT NULL,
    occurred_at        DATETIME(6)   NOT NULL,
    actor              VARCHAR(120)  NOT NULL,
    note               VARCHAR(4000) NOT NULL,
    CONSTRAINT fk_trigger_progress_recommendation FOREIGN KEY (recommendation_id) REFERENCES trigger_recommendation (id),
    KEY ix_trigger_progress_recommendation (recommendation_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The applicant's request to have the decision or the outcome looked at again (the Police and
-- Crime Commissioner's route), and its own decision. One per application.
CREATE TABLE trigger_escalation (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id    BIGINT        NOT NULL,
    about             VARCHAR(20)   NOT NULL,
    reason            VARCHAR(4000) NOT NULL,
    requested_at      DATETIME(6)   NOT NULL,
    -- 'applicant', or the username of the coordinator who recorded it for them.
    requested_by      VARCHAR(120)  NOT NULL,
    decision          VARCHAR(20)   NULL,
    decision_reasons  VARCHAR(4000) NULL,
    decided_by        VARCHAR(120)  NULL,
    decided_at        DATETIME(6)   NULL,
    CONSTRAINT uq_trigger_escalation_application UNIQUE (application_id),
    CONSTRAINT ck_trigger_escalation_about CHECK (about IN ('DECISION', 'OUTCOME')),
    CONSTRAINT ck_trigger_escalation_decision CHECK (decision IS NULL OR decision IN ('UPHELD', 'NOT_UPHELD')),
    CONSTRAINT fk_trigger_escalation_application FOREIGN KEY (application_id) REFERENCES trigger_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
