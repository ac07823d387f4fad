-- Staff sessions signed in with the form. The encrypted session cookie is honoured only while its
-- session's row is here: signing out, a new password, a change of roles or a deactivation deletes
-- the rows, which ends the session at once on every replica. The browser holds a random token; the
-- row is keyed by its SHA-256, so the table gives nobody a usable session.
CREATE TABLE staff_session (
    id           CHAR(64)    NOT NULL PRIMARY KEY,
    account_id   BIGINT      NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    CONSTRAINT fk_staff_session_account FOREIGN KEY (account_id) REFERENCES staff_account (id) ON DELETE CASCADE,
    INDEX ix_staff_session_account (account_id),
    INDEX ix_staff_session_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How many times in a row an account has been locked since its last successful sign-in: each lock
-- lasts twice as long as the one before, up to a limit.
ALTER TABLE staff_account ADD COLUMN lockouts INT NOT NULL DEFAULT 0;
