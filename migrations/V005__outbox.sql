-- Emails waiting to go out, written in the same transaction as the change they tell about, so a
-- mail server outage loses nothing. A scheduled job sends due PENDING rows with back-off and marks
-- them SENT, or FAILED once it has given up.
CREATE TABLE outbox_message (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    created_at       DATETIME(6)  NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    recipient        VARCHAR(254) NOT NULL,
    subject          VARCHAR(255) NOT NULL,
    body_text        MEDIUMTEXT   NOT NULL,
    body_html        MEDIUMTEXT   NOT NULL,
    report_reference VARCHAR(14)  NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)  NOT NULL,
    sent_at          DATETIME(6)  NULL,
    -- Why the last attempt failed: the kind of error only, never an address or a message's text.
    last_error       VARCHAR(500) NULL,
    status           VARCHAR(10)  NOT NULL,
    CONSTRAINT ck_outbox_message_status CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    KEY ix_outbox_message_due (status, next_attempt_at),
    KEY ix_outbox_message_reference (report_reference)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
