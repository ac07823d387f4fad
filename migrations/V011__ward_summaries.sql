-- Ward summaries: police-recorded ASB imported from data.police.uk street-level CSV, and the
-- indexes the ward summary, the district picture and the public figures read.

-- One row per police-recorded incident (rows sharing a coordinate are separate incidents). The
-- ward is found from the point; NULL means outside the district's wards (or no location given).
-- Importing a force's month again replaces that force's rows for the month.
CREATE TABLE police_incident (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    force_name  VARCHAR(120)  NOT NULL,
    month       DATE          NOT NULL,
    crime_id    VARCHAR(100)  NULL,
    longitude   DECIMAL(9,6)  NULL,
    latitude    DECIMAL(9,6)  NULL,
    location    VARCHAR(255)  NULL,
    lsoa_code   VARCHAR(16)   NULL,
    lsoa_name   VARCHAR(120)  NULL,
    ward_code   VARCHAR(16)   NULL,
    imported_at DATETIME(6)   NOT NULL,
    CONSTRAINT fk_police_incident_ward FOREIGN KEY (ward_code) REFERENCES ward (code) ON UPDATE CASCADE ON DELETE SET NULL,
    KEY ix_police_incident_force_month (force_name, month),
    KEY ix_police_incident_ward_month (ward_code, month, location(120)),
    KEY ix_police_incident_month (month, ward_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A ward's portal reports in a range of months, read from the index alone: counts by month,
-- category, status and risk, and when the behaviour happened.
ALTER TABLE report
    ADD KEY ix_report_ward_summary (ward_code, submitted_at, category_code, status, risk_level, occurred_on, occurred_time);

-- When a report was first taken up by an officer (its IN_PROGRESS event), for time to first contact.
ALTER TABLE report_event
    ADD KEY ix_report_event_kind (report_id, kind, occurred_at);
