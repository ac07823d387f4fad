-- Partner agencies' own case systems that speak Open311 GeoReport v2: a triage queue can name one,
-- and its cases are handed out to it. The API key is sealed with the portal's secret (never kept in
-- clear); service_codes maps our kinds of behaviour to theirs, one "CATEGORY=code" per line.
CREATE TABLE partner_endpoint (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    queue_id       BIGINT        NOT NULL,
    name           VARCHAR(120)  NOT NULL,
    base_url       VARCHAR(500)  NOT NULL,
    jurisdiction   VARCHAR(100)  NULL,
    api_key_sealed VARCHAR(1000) NULL,
    service_codes  VARCHAR(4000) NOT NULL,
    active         BOOLEAN       NOT NULL DEFAULT TRUE,
    updated_by     VARCHAR(80)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    version        INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_partner_endpoint_queue UNIQUE (queue_id),
    CONSTRAINT fk_partner_endpoint_queue FOREIGN KEY (queue_id) REFERENCES triage_queue (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One case handed out to one partner: saved first (PENDING), sent by a job with back-off, the
-- partner's service_request_id kept once SENT; SKIPPED when the resident did not consent to share.
-- Updates polled from the partner are remembered by their update_id so none is told twice.
CREATE TABLE partner_handoff (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id          BIGINT        NOT NULL,
    endpoint_id        BIGINT        NOT NULL,
    status             VARCHAR(10)   NOT NULL,
    attempts           INT           NOT NULL DEFAULT 0,
    next_attempt_at    DATETIME(6)   NULL,
    last_error         VARCHAR(500)  NULL,
    partner_request_id VARCHAR(100)  NULL,
    created_at         DATETIME(6)   NOT NULL,
    sent_at            DATETIME(6)   NULL,
    polled_until       DATETIME(6)   NULL,
    version            INT           NOT NULL DEFAULT 0,
    CONSTRAINT ck_partner_handoff_status CHECK (status IN ('PENDING', 'SENT', 'SKIPPED')),
    CONSTRAINT uq_partner_handoff UNIQUE (report_id, endpoint_id),
    CONSTRAINT fk_partner_handoff_report FOREIGN KEY (report_id) REFERENCES report (id),
    CONSTRAINT fk_partner_handoff_endpoint FOREIGN KEY (endpoint_id) REFERENCES partner_endpoint (id),
    KEY ix_partner_handoff_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE partner_update (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    handoff_id        BIGINT       NOT NULL,
    partner_update_id VARCHAR(100) NOT NULL,
    received_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uq_partner_update UNIQUE (handoff_id, partner_update_id),
    CONSTRAINT fk_partner_update_handoff FOREIGN KEY (handoff_id) REFERENCES partner_handoff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
