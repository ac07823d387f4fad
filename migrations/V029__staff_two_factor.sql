-- Two-factor sign-in for staff (TOTP, RFC 6238). The shared secret is kept sealed with AES-GCM under
-- a key derived from the portal's secret; recovery codes only as SHA-256 hashes.
CREATE TABLE staff_two_factor (
    account_id    BIGINT       NOT NULL PRIMARY KEY,
    secret_sealed VARCHAR(255) NOT NULL,
    -- Null while being set up: on once a code from the app has been entered.
    confirmed_at  DATETIME(6)  NULL,
    -- The last 30-second step a code was accepted for, so no code is accepted twice.
    last_step     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_staff_two_factor_account FOREIGN KEY (account_id) REFERENCES staff_account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_recovery_code (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    code_hash  CHAR(64)    NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT fk_staff_recovery_code_account FOREIGN KEY (account_id) REFERENCES staff_account (id) ON DELETE CASCADE,
    INDEX ix_staff_recovery_code_account (account_id, code_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A session signed in with a password but not yet with its second factor: CODE (a code is asked
-- for) or SETUP (two-factor must be set up first); null once complete. Such a session opens nothing
-- but the two-factor pages.
ALTER TABLE staff_session ADD COLUMN second_factor VARCHAR(8) NULL;
-- What the member of staff sees in their list of sessions: the browser, briefly.
ALTER TABLE staff_session ADD COLUMN browser VARCHAR(120) NULL;

-- When the account last signed in, and the time before, for "You last signed in at ...".
ALTER TABLE staff_account ADD COLUMN signed_in_at DATETIME(6) NULL;
ALTER TABLE staff_account ADD COLUMN previous_signed_in_at DATETIME(6) NULL;

-- Administrators may require two-factor sign-in for every account of an organisation.
ALTER TABLE organisation ADD COLUMN require_two_factor BOOLEAN NOT NULL DEFAULT FALSE;
