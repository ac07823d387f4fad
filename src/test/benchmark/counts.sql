-- Fills the ward counts from the stored reports, as the portal does after new ward boundaries
-- (the same statements as WardCounts.rebuildAll and migration V014), then refreshes the statistics.
DELETE FROM ward_month_count WHERE source = 'PORTAL';
DELETE FROM ward_month_hour;
DELETE FROM ward_month_duration;
INSERT INTO ward_month_count (ward_code, month, source, category_code, closed, risk_level, n)
SELECT COALESCE(r.ward_code, ''), DATE_FORMAT(r.submitted_at, '%Y-%m-01'), 'PORTAL', r.category_code,
       r.status = 'CLOSED', r.risk_level, COUNT(*)
FROM report r GROUP BY 1, 2, 4, 5, 6;
INSERT INTO ward_month_hour (ward_code, month, weekday, hour, n)
SELECT COALESCE(r.ward_code, ''), DATE_FORMAT(r.submitted_at, '%Y-%m-01'), WEEKDAY(r.occurred_on), HOUR(r.occurred_time), COUNT(*)
FROM report r WHERE r.occurred_time IS NOT NULL GROUP BY 1, 2, 3, 4;
INSERT INTO ward_month_duration (ward_code, month, kind, seconds, n)
SELECT COALESCE(r.ward_code, ''), DATE_FORMAT(r.submitted_at, '%Y-%m-01'), 'CLOSURE',
       TIMESTAMPDIFF(SECOND, r.submitted_at, q.closed_at), COUNT(*)
FROM report r JOIN queue_item q ON q.report_id = r.id WHERE q.closed_at IS NOT NULL GROUP BY 1, 2, 4;
ANALYZE TABLE report, queue_item, report_event, ward_month_count, ward_month_hour, ward_month_duration;
