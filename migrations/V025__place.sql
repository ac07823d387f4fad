-- The gazetteer residents search to say where something happened: streets with a point, built from
-- the police-recorded incidents (data.police.uk names the street of each anonymised point, "On or
-- near Mill Street"), and postcodes from an extract of the ONS Postcode Directory an administrator
-- uploads. Each row is placed in the ward its point is in.
CREATE TABLE place (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind       VARCHAR(10)   NOT NULL,
    name       VARCHAR(255)  NOT NULL,
    -- As searched: streets in lower case, letters and digits only, single spaces; postcodes in
    -- capitals without spaces.
    name_key   VARCHAR(255)  NOT NULL,
    ward_code  VARCHAR(16)   NULL,
    latitude   DECIMAL(9,6)  NOT NULL,
    longitude  DECIMAL(9,6)  NOT NULL,
    source     VARCHAR(10)   NOT NULL,
    CONSTRAINT fk_place_ward FOREIGN KEY (ward_code) REFERENCES ward (code) ON UPDATE CASCADE ON DELETE SET NULL,
    KEY ix_place_search (kind, name_key),
    KEY ix_place_source (source)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
