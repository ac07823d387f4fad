-- Scheduled jobs that must not run on every replica at once (the purges today; retention later) take
-- a lease here first. The lease is taken by one UPDATE that commits on its own: on one server the row
-- lock decides, and on a Galera cluster, where row locks are not shared between nodes, certification
-- lets only the first commit through and refuses the other as a deadlock. A row per job; a job that
-- has none gets it on its first run.
CREATE TABLE job_lease (
    name        VARCHAR(60)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(120) NOT NULL,
    held_until  DATETIME(6)  NOT NULL,
    last_run_at DATETIME(6)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
