-- PSPO enforcement and dispersal directions say where and when they apply: the area, and the
-- period from and until (a dispersal direction lasts at most 48 hours). Other actions leave them empty.
ALTER TABLE case_action
    ADD COLUMN applies_where VARCHAR(500) NULL,
    ADD COLUMN applies_from  DATETIME(6)  NULL,
    ADD COLUMN applies_until DATETIME(6)  NULL;

-- Targets some agencies work to for a kind of behaviour, optionally in one ward: for example
-- graffiti removed within 24 hours. A case meets its target when it is closed within the hours of
-- being received. Targets are retired, never deleted, so past months keep their measure.
CREATE TABLE service_target (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    category_code VARCHAR(40)   NOT NULL,
    ward_code     VARCHAR(16)   NULL,
    hours         INT           NOT NULL,
    description   VARCHAR(200)  NOT NULL,
    active        BOOLEAN       NOT NULL DEFAULT TRUE,
    created_by    VARCHAR(80)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    retired_by    VARCHAR(80)   NULL,
    retired_at    DATETIME(6)   NULL,
    version       INT           NOT NULL DEFAULT 0,
    CONSTRAINT ck_service_target_hours CHECK (hours BETWEEN 1 AND 8760),
    CONSTRAINT fk_service_target_category FOREIGN KEY (category_code) REFERENCES category (code),
    KEY ix_service_target_active (active, category_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Measuring a target reads the cases of one kind by when they were received.
CREATE INDEX ix_queue_item_category_created ON queue_item (category_code, created_at);
