-- Writes reports @from + 1 … @from + 100,000 of the benchmark's stored history: 24 months up to
-- today over the 27 Bedford wards and 14 kinds of behaviour, at points spread over the borough, each
-- with its queue item and history.
-- Every tenth report is still open, all in the council's ASB queue (100,000 open items at
-- 1,000,000 reports), a third of those held by the administrator; the rest are closed, spread over
-- every queue. Run by src/test/benchmark/run, which sets @from and the base date @base.
INSERT INTO report (reference, access_code_hash, status, category_code, description, occurred_on, occurred_time,
                    still_happening, location_description, latitude, longitude, ward_code, risk_level, risk_score,
                    risk_reasons, anonymous, reporter_role, consent_to_share, captcha_outcome, channel, submitted_at)
SELECT CONCAT('BM-', LPAD(s.seq + @from, 10, '0')), 'not-a-hash',
       IF((s.seq + @from) % 10 = 0, 'RECEIVED', 'CLOSED'),
       ELT(1 + (s.seq + @from) % 14, 'NOISE', 'ROWDY', 'NEIGHBOUR', 'FLY_TIPPING', 'GRAFFITI_DAMAGE', 'VEHICLE_NUISANCE',
           'STREET_DRINKING', 'DRUGS', 'INTIMIDATION', 'BEGGING', 'FIREWORKS', 'ANIMAL', 'TRESPASS', 'ABANDONED_VEHICLE'),
       'Benchmark history', DATE(@base + INTERVAL ((s.seq + @from) * 61) % 63072000 SECOND),
       IF((s.seq + @from) % 5 = 0, NULL, SEC_TO_TIME(((s.seq + @from) * 3607) % 86400)), FALSE,
       CONCAT('Benchmark street ', (s.seq + @from) % 997), 52.060 + ((s.seq + @from) * 7919 % 260000) / 1000000,
       -0.670 + ((s.seq + @from) * 104729 % 420000) / 1000000, CONCAT('E3600', 1576 + (s.seq + @from) % 27),
       ELT(1 + (s.seq + @from) % 3, 'STANDARD', 'MEDIUM', 'HIGH'), 0, '', TRUE, 'WITNESS', FALSE, 'NOT_REQUIRED', 'API',
       @base + INTERVAL ((s.seq + @from) * 61) % 63072000 SECOND
FROM seq_1_to_100000 s;

INSERT INTO queue_item (report_id, queue_id, status, risk_level, risk_rank, first_contact_due_by, created_at, closed_at,
                        assigned_to, assigned_at, ward_code, category_code)
SELECT r.id,
       (SELECT q.id FROM triage_queue q WHERE q.code = IF(r.status = 'CLOSED',
           ELT(1 + r.id % 8, 'COUNCIL_ASB', 'POLICE_NEIGHBOURHOOD', 'ENVIRONMENTAL_HEALTH', 'HOUSING_PROVIDERS',
               'YOUTH_OUTREACH', 'HATE_INCIDENTS', 'VULNERABILITY_HUB', 'MANUAL_CHECK'), 'COUNCIL_ASB')),
       IF(r.status = 'CLOSED', 'CLOSED', 'NEW'), r.risk_level,
       CASE r.risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END,
       DATE(r.submitted_at) + INTERVAL 5 DAY, r.submitted_at,
       IF(r.status = 'CLOSED', r.submitted_at + INTERVAL (r.id % 40) DAY, NULL),
       IF(r.status <> 'CLOSED' AND r.id % 3 = 0, (SELECT a.id FROM staff_account a WHERE a.username = 'admin'), NULL),
       IF(r.status <> 'CLOSED' AND r.id % 3 = 0, r.submitted_at + INTERVAL 1 DAY, NULL), r.ward_code, r.category_code
FROM report r
WHERE r.reference BETWEEN CONCAT('BM-', LPAD(@from + 1, 10, '0')) AND CONCAT('BM-', LPAD(@from + 100000, 10, '0'));

INSERT INTO report_event (report_id, occurred_at, kind, is_public, actor, message)
SELECT r.id, r.submitted_at, 'RECEIVED', TRUE, 'system', 'We received your report.'
FROM report r
WHERE r.reference BETWEEN CONCAT('BM-', LPAD(@from + 1, 10, '0')) AND CONCAT('BM-', LPAD(@from + 100000, 10, '0'));

INSERT INTO report_event (report_id, occurred_at, kind, is_public, actor, message)
SELECT r.id, r.submitted_at + INTERVAL (r.id % 40) DAY, 'CLOSED', TRUE, 'benchmark', 'Closed'
FROM report r
WHERE r.status = 'CLOSED'
  AND r.reference BETWEEN CONCAT('BM-', LPAD(@from + 1, 10, '0')) AND CONCAT('BM-', LPAD(@from + 100000, 10, '0'));
