-- Possible duplicates are found through indexes instead of reading every report of a category within
-- the window: map points by category, date and position (a box around the report, then the exact
-- distance on the few inside it), and the described place as it is compared (lower case, letters and
-- digits only, single spaces), computed by the database for every report, old and new.
ALTER TABLE report
    ADD COLUMN place_normalised VARCHAR(500) AS (TRIM(REGEXP_REPLACE(LOWER(location_description),
            '[^\\p{L}\\p{N}]+', ' '))) PERSISTENT,
    ADD KEY ix_report_duplicate_point (category_code, occurred_on, latitude, longitude),
    ADD KEY ix_report_duplicate_place (ward_code, category_code, place_normalised, occurred_on);

-- The new point index starts with the same columns, and serves the category's foreign key.
ALTER TABLE report
    DROP KEY ix_report_duplicates;
