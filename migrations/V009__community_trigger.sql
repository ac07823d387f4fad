-- Community Trigger (ASB Case Review) applications, the complaints they cite, the steps of the
-- review with their due dates, and the append-only history of each application.

CREATE TABLE trigger_application (
    id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference               VARCHAR(14)   NOT NULL,
    access_code_hash        VARCHAR(120)  NOT NULL,
    -- SHA-256 of the client's idempotency key and of the request it came with.
    idempotency_key         CHAR(64)      NULL,
    request_hash            CHAR(64)      NULL,
    status                  VARCHAR(20)   NOT NULL,
    -- The applicant: never anonymous.
    applicant_name          VARCHAR(160)  NOT NULL,
    applicant_email         VARCHAR(254)  NULL,
    applicant_phone         VARCHAR(40)   NULL,
    applicant_type          VARCHAR(20)   NOT NULL,
    -- The victim, when someone applies for them with their consent.
    on_behalf_of_name       VARCHAR(160)  NULL,
    on_behalf_of_relationship VARCHAR(160) NULL,
    victim_consent          BOOLEAN       NOT NULL DEFAULT FALSE,
    description             TEXT          NOT NULL,
    impact                  TEXT          NOT NULL,
    outcome_wanted          VARCHAR(2000) NULL,
    hate_motivated          BOOLEAN       NOT NULL,
    -- The portal's first assessment of the threshold when the application was received.
    threshold               INT           NOT NULL,
    qualifying_complaints   INT           NOT NULL,
    threshold_met           BOOLEAN       NOT NULL,
    received_on             DATE          NOT NULL,
    submitted_at            DATETIME(6)   NOT NULL,
    captcha_outcome         VARCHAR(20)   NOT NULL,
    channel                 VARCHAR(10)   NOT NULL,
    version                 INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_trigger_application_reference UNIQUE (reference),
    CONSTRAINT uq_trigger_application_idempotency_key UNIQUE (idempotency_key),
    KEY ix_trigger_application_received (received_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each complaint the application cites, in the order listed, with the verdict and its reason.
CREATE TABLE trigger_complaint (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id      BIGINT        NOT NULL,
    position            INT           NOT NULL,
    source              VARCHAR(20)   NOT NULL,
    -- A portal report: the reference as given and the report, when found.
    report_reference    VARCHAR(14)   NULL,
    report_id           BIGINT        NULL,
    -- A complaint to another agency, as the applicant remembers it, to be confirmed with the agency.
    agency              VARCHAR(160)  NULL,
    reported_on         DATE          NULL,
    behaviour_on        DATE          NULL,
    qualifies           BOOLEAN       NOT NULL,
    reason              VARCHAR(500)  NOT NULL,
    to_confirm          BOOLEAN       NOT NULL,
    same_incident_as    INT           NULL,
    CONSTRAINT uq_trigger_complaint_position UNIQUE (application_id, position),
    CONSTRAINT fk_trigger_complaint_application FOREIGN KEY (application_id) REFERENCES trigger_application (id),
    CONSTRAINT fk_trigger_complaint_report FOREIGN KEY (report_id) REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The steps of the review, each due by a working day; done when completed_at is set, by whom.
CREATE TABLE trigger_step (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id  BIGINT        NOT NULL,
    step            VARCHAR(30)   NOT NULL,
    position        INT           NOT NULL,
    due_by          DATE          NOT NULL,
    completed_at    DATETIME(6)   NULL,
    completed_by    VARCHAR(120)  NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_trigger_step UNIQUE (application_id, step),
    CONSTRAINT fk_trigger_step_application FOREIGN KEY (application_id) REFERENCES trigger_application (id),
    KEY ix_trigger_step_due (completed_at, due_by)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only history of an application. Public entries form the applicant's timeline.
CREATE TABLE trigger_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id  BIGINT        NOT NULL,
    occurred_at     DATETIME(6)   NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    is_public       BOOLEAN       NOT NULL,
    actor           VARCHAR(120)  NOT NULL,
    message         VARCHAR(4000) NOT NULL,
    CONSTRAINT fk_trigger_event_application FOREIGN KEY (application_id) REFERENCES trigger_application (id),
    KEY ix_trigger_event_application (application_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
