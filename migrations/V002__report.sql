-- Residents' reports, their queue items, links between possible duplicates and the append-only history.

CREATE TABLE report (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference           VARCHAR(14)   NOT NULL,
    access_code_hash    VARCHAR(120)  NOT NULL,
    -- SHA-256 of the client's idempotency key and of the request it came with.
    idempotency_key     CHAR(64)      NULL,
    request_hash        CHAR(64)      NULL,
    status              VARCHAR(20)   NOT NULL,
    category_code       VARCHAR(40)   NOT NULL,
    description         TEXT          NOT NULL,
    people_involved     VARCHAR(2000) NULL,
    occurred_on         DATE          NOT NULL,
    occurred_time       TIME          NULL,
    still_happening     BOOLEAN       NOT NULL,
    frequency           VARCHAR(20)   NULL,
    location_description VARCHAR(500) NOT NULL,
    town                VARCHAR(120)  NULL,
    ward_code           VARCHAR(16)   NULL,
    latitude            DECIMAL(9,6)  NULL,
    longitude           DECIMAL(9,6)  NULL,
    -- Risk screening answers, the result and why.
    happened_before     VARCHAR(10)   NULL,
    targeted_for_identity BOOLEAN     NOT NULL DEFAULT FALSE,
    targeted_because    VARCHAR(200)  NULL,
    impact              VARCHAR(10)   NULL,
    feels_unsafe_at_home BOOLEAN      NOT NULL DEFAULT FALSE,
    vulnerable_affected BOOLEAN       NOT NULL DEFAULT FALSE,
    young_people_involved BOOLEAN     NOT NULL DEFAULT FALSE,
    risk_level          VARCHAR(10)   NOT NULL,
    risk_score          INT           NOT NULL,
    risk_reasons        VARCHAR(2000) NOT NULL,
    -- The person reporting (absent when anonymous).
    anonymous           BOOLEAN       NOT NULL,
    reporter_role       VARCHAR(10)   NOT NULL,
    reporter_name       VARCHAR(160)  NULL,
    reporter_email      VARCHAR(254)  NULL,
    reporter_phone      VARCHAR(40)   NULL,
    preferred_contact   VARCHAR(10)   NULL,
    consent_to_share    BOOLEAN       NOT NULL,
    captcha_outcome     VARCHAR(20)   NOT NULL,
    possible_duplicate  BOOLEAN       NOT NULL DEFAULT FALSE,
    channel             VARCHAR(10)   NOT NULL,
    submitted_at        DATETIME(6)   NOT NULL,
    version             INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_report_reference UNIQUE (reference),
    CONSTRAINT uq_report_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT fk_report_category FOREIGN KEY (category_code) REFERENCES category (code),
    CONSTRAINT fk_report_ward FOREIGN KEY (ward_code) REFERENCES ward (code) ON UPDATE CASCADE ON DELETE SET NULL,
    KEY ix_report_duplicates (category_code, occurred_on),
    KEY ix_report_ward (ward_code, submitted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Equality monitoring is optional and kept apart from the report itself.
CREATE TABLE equality_monitoring (
    report_id   BIGINT      NOT NULL PRIMARY KEY,
    age_band    VARCHAR(20) NULL,
    sex         VARCHAR(30) NULL,
    ethnicity   VARCHAR(40) NULL,
    disability  VARCHAR(20) NULL,
    CONSTRAINT fk_equality_report FOREIGN KEY (report_id) REFERENCES report (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every report has exactly one queue item, written in the same transaction.
CREATE TABLE queue_item (
    id                    BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id             BIGINT      NOT NULL,
    queue_id              BIGINT      NOT NULL,
    routing_rule_id       BIGINT      NULL,
    status                VARCHAR(20) NOT NULL,
    risk_level            VARCHAR(10) NOT NULL,
    first_contact_due_by  DATE        NOT NULL,
    created_at            DATETIME(6) NOT NULL,
    version               INT         NOT NULL DEFAULT 0,
    CONSTRAINT uq_queue_item_report UNIQUE (report_id),
    CONSTRAINT fk_queue_item_report FOREIGN KEY (report_id) REFERENCES report (id),
    CONSTRAINT fk_queue_item_queue FOREIGN KEY (queue_id) REFERENCES triage_queue (id),
    CONSTRAINT fk_queue_item_rule FOREIGN KEY (routing_rule_id) REFERENCES routing_rule (id) ON DELETE SET NULL,
    KEY ix_queue_item_queue (queue_id, status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Possible duplicates: linked for triage, never rejected.
CREATE TABLE report_link (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id       BIGINT      NOT NULL,
    linked_report_id BIGINT     NOT NULL,
    reason          VARCHAR(30) NOT NULL,
    distance_metres INT         NULL,
    created_at      DATETIME(6) NOT NULL,
    CONSTRAINT uq_report_link UNIQUE (report_id, linked_report_id, reason),
    CONSTRAINT fk_report_link_report FOREIGN KEY (report_id) REFERENCES report (id),
    CONSTRAINT fk_report_link_linked FOREIGN KEY (linked_report_id) REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only history of a report: status changes, notes and updates. Public entries form the
-- victim's timeline.
CREATE TABLE report_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id   BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    kind        VARCHAR(30)   NOT NULL,
    is_public   BOOLEAN       NOT NULL,
    actor       VARCHAR(120)  NOT NULL,
    message     VARCHAR(4000) NOT NULL,
    CONSTRAINT fk_report_event_report FOREIGN KEY (report_id) REFERENCES report (id),
    KEY ix_report_event_report (report_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
