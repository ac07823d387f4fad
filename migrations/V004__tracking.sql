-- Failed access-code checks, counted per client and per reference, so guessing is rate limited
-- on every replica alike.
CREATE TABLE attempt_counter (
    bucket       VARCHAR(120) NOT NULL PRIMARY KEY,
    window_start DATETIME(6)  NOT NULL,
    failures     INT          NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
