-- Unsent answers of the residents' multi-page forms (the report, the Community Trigger
-- application), held server-side so every page has its own address and any replica serves it.
-- Found by the SHA-256 of the token in the resident's HttpOnly cookie; deleted once expired.
CREATE TABLE journey_draft (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash     CHAR(64)     NOT NULL,
    journey        VARCHAR(40)  NOT NULL,
    answers        MEDIUMTEXT   NOT NULL,
    pages_done     VARCHAR(1000) NOT NULL DEFAULT '',
    submission_key CHAR(36)     NOT NULL,
    submitted_at   DATETIME(6)  NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    expires_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uq_journey_draft_token UNIQUE (token_hash, journey),
    INDEX ix_journey_draft_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
