SET @now = NOW(6), @ref = CONCAT('SL-', LPAD(CONV(FLOOR(RAND() * POW(36, 10)), 10, 36), 10, '0')), @cat = ELT(1 + FLOOR(RAND() * 14), 'NOISE', 'ROWDY', 'NEIGHBOUR', 'FLY_TIPPING', 'GRAFFITI_DAMAGE', 'VEHICLE_NUISANCE', 'STREET_DRINKING', 'DRUGS', 'INTIMIDATION', 'BEGGING', 'FIREWORKS', 'ANIMAL', 'TRESPASS', 'ABANDONED_VEHICLE'), @ward = ELT(1 + FLOOR(RAND() * 4), 'E36001576', 'E36001578', 'E36001582', 'E36001590'), @lat = 52.120 + RAND() * 0.035, @lon = -0.500 + RAND() * 0.060, @day = DATE('2026-01-01') + INTERVAL FLOOR(RAND() * 330) DAY;
INSERT INTO attempt_counter (bucket, window_start, failures) VALUES ('submit-report:ceiling', @now, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE failures = LAST_INSERT_ID(IF(window_start < @now - INTERVAL 10 MINUTE, 1, failures + 1)), window_start = IF(window_start < @now - INTERVAL 10 MINUTE, @now, window_start);
SELECT LAST_INSERT_ID(), window_start FROM attempt_counter WHERE bucket = 'submit-report:ceiling';
START TRANSACTION;
SELECT code, category_group, hint, name, sort_order FROM category WHERE code = @cat;
SELECT id, reference, status FROM report WHERE reference = @ref LIMIT 1;
INSERT INTO report (access_code_hash, anonymous, captcha_outcome, category_code, channel, consent_to_share, description, feels_unsafe_at_home, happened_before, impact, latitude, location_description, longitude, occurred_on, occurred_time, possible_duplicate, reference, reporter_role, request_hash, risk_level, risk_reasons, risk_score, status, still_happening, submitted_at, targeted_for_identity, version, vulnerable_affected, ward_code, young_people_involved) VALUES ('hmac-sha256$WtH5K64p++OsreYJbLMpJA$/amssfu4+rJ9HLQsjQmDOusXjChPk1V3I5evseXx+dQ', 1, 'NOT_REQUIRED', @cat, 'API', 1, 'Benchmark report: loud and going on for hours', 0, 'NO', 'NONE', @lat, 'Benchmark place', @lon, @day, '21:30:00', 0, @ref, 'WITNESS', 'b216eb363187c1fbed1fdeb2891d526712a527e0905ce8a8b59a457e14a36e5a', 'STANDARD', 'Still happening (+1)', 1, 'RECEIVED', 1, @now, 0, 0, 0, @ward, 0);
SET @id = LAST_INSERT_ID();
INSERT INTO report_event (actor, is_public, kind, message, occurred_at, report_id) VALUES ('system', 1, 'RECEIVED', 'We received your report.', @now, @id);
INSERT INTO report_event (actor, is_public, kind, message, occurred_at, report_id) VALUES ('system', 0, 'SCREENED', 'Risk Standard (score 1): Still happening (+1)', @now, @id);
INSERT INTO queue_item (created_at, first_contact_due_by, queue_id, report_id, risk_level, risk_rank, status, version, ward_code, category_code) VALUES (@now, DATE(@now) + INTERVAL 5 DAY, (SELECT id FROM triage_queue WHERE code = 'COUNCIL_ASB'), @id, 'STANDARD', 0, 'NEW', 0, @ward, @cat);
INSERT INTO report_event (actor, is_public, kind, message, occurred_at, report_id) VALUES ('system', 0, 'ROUTED', 'Routed to Council ASB team by rule: Category', @now, @id);
SELECT r.id, COALESCE(r.ward_code, ''), DATE_FORMAT(r.submitted_at, '%Y-%m-01'), r.category_code, r.status = 'CLOSED', r.risk_level, WEEKDAY(r.occurred_on), HOUR(r.occurred_time) FROM report r WHERE r.id = @id;
INSERT INTO ward_month_count (ward_code, month, source, category_code, closed, risk_level, n) VALUES (@ward, DATE_FORMAT(@now, '%Y-%m-01'), 'PORTAL', @cat, 0, 'STANDARD', 1) ON DUPLICATE KEY UPDATE n = n + VALUES(n);
INSERT INTO ward_month_hour (ward_code, month, weekday, hour, n) VALUES (@ward, DATE_FORMAT(@now, '%Y-%m-01'), WEEKDAY(@day), 21, 1) ON DUPLICATE KEY UPDATE n = n + VALUES(n);
COMMIT;
START TRANSACTION;
SELECT id, latitude, longitude FROM report WHERE category_code = @cat AND occurred_on BETWEEN @day - INTERVAL 7 DAY AND @day + INTERVAL 7 DAY AND latitude BETWEEN @lat - 0.00135 AND @lat + 0.00135 AND longitude BETWEEN @lon - 0.0022 AND @lon + 0.0022 AND id <> @id;
COMMIT
