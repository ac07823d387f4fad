-- Canned public updates per queue, kept by administrators; officers start an update from one.
-- A retired template stays (audit entries name it) but is no longer offered.
CREATE TABLE response_template (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    queue_id    BIGINT        NOT NULL,
    title       VARCHAR(120)  NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    retired     BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    KEY ix_response_template_queue (queue_id, retired, title),
    CONSTRAINT fk_response_template_queue FOREIGN KEY (queue_id) REFERENCES triage_queue (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A queue filter, order and search an officer saved under a name, shown as a link on the queue page.
CREATE TABLE saved_queue_filter (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT       NOT NULL,
    queue_id    BIGINT       NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    query       VARCHAR(500) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    UNIQUE KEY ux_saved_queue_filter_name (account_id, queue_id, name),
    CONSTRAINT fk_saved_queue_filter_account FOREIGN KEY (account_id) REFERENCES staff_account (id) ON DELETE CASCADE,
    CONSTRAINT fk_saved_queue_filter_queue FOREIGN KEY (queue_id) REFERENCES triage_queue (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
