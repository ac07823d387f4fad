-- API tokens: scripts and integrations call the staff JSON API with "Authorization: Bearer <token>"
-- instead of a password. Each token acts as its staff account (its roles, organisation and grants,
-- read at every request) until it expires, is revoked, or the account is deactivated. Only the
-- SHA-256 of the random token is kept, so the table gives nobody a usable token; the short prefix,
-- which is not enough to use it, tells tokens apart in lists.
CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id   BIGINT       NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    prefix       VARCHAR(16)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    created_by   VARCHAR(80)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    last_used_at DATETIME(6)  NULL,
    revoked_at   DATETIME(6)  NULL,
    revoked_by   VARCHAR(80)  NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES staff_account (id) ON DELETE CASCADE,
    INDEX ix_api_token_account (account_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
