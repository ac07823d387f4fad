-- A change counter for each kind of reference data the portal holds in memory (the directory of
-- agencies, the kinds of behaviour, the wards). A staff edit adds one to its kind's counter in the
-- same transaction as the edit; every replica reads the counters every few seconds and forgets what
-- it holds of each kind whose counter moved, so an edit shows on every replica without a restart.
CREATE TABLE reference_data_version (
    kind     VARCHAR(40) NOT NULL PRIMARY KEY,
    version  BIGINT      NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
