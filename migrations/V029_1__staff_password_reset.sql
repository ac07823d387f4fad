-- Single-use links that reset a staff password, emailed to the account's address. Only the SHA-256
-- of the link's token is kept; a link works once, until it expires.
CREATE TABLE staff_password_reset (
    id         CHAR(64)    NOT NULL PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT fk_staff_password_reset_account FOREIGN KEY (account_id) REFERENCES staff_account (id) ON DELETE CASCADE,
    INDEX ix_staff_password_reset_account (account_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
