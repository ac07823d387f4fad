-- The Community Trigger: the applicant's single point of contact, named by the coordinator, and the
-- Police and Crime Commissioner's review of a "threshold not met" decision.

ALTER TABLE trigger_application
    ADD COLUMN spoc_name          VARCHAR(160) NULL,
    ADD COLUMN spoc_organisation  VARCHAR(160) NULL,
    ADD COLUMN spoc_phone         VARCHAR(40)  NULL,
    ADD COLUMN spoc_email         VARCHAR(254) NULL,
    -- The Police and Crime Commissioner overturned the "threshold not met" decision: the review goes ahead.
    ADD COLUMN decision_overturned BOOLEAN     NOT NULL DEFAULT FALSE;

-- The applicant's request for the Police and Crime Commissioner to review a "threshold not met"
-- decision: once per application; its referral and the Commissioner's decision.
CREATE TABLE trigger_pcc_review (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id    BIGINT        NOT NULL,
    reason            VARCHAR(4000) NOT NULL,
    requested_at      DATETIME(6)   NOT NULL,
    referred_on       DATE          NULL,
    referred_by       VARCHAR(120)  NULL,
    decision          VARCHAR(20)   NULL,
    decision_reasons  VARCHAR(4000) NULL,
    decided_on        DATE          NULL,
    decided_by        VARCHAR(120)  NULL,
    CONSTRAINT uq_trigger_pcc_review_application UNIQUE (application_id),
    CONSTRAINT ck_trigger_pcc_review_decision CHECK (decision IS NULL OR decision IN ('UPHELD', 'OVERTURNED')),
    CONSTRAINT fk_trigger_pcc_review_application FOREIGN KEY (application_id) REFERENCES trigger_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
