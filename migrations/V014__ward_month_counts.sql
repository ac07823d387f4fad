-- Counts kept ready for ward summaries, the district picture and the public figures, so a summary
-- reads a few hundred rows instead of every report and incident of its months. They are kept exact
-- in the transaction of each change that moves them (a report received, taken up or closed; a police
-- month imported; ward boundaries replaced) and can be rebuilt from the base tables at any time.
-- '' stands for "no ward" (a report or incident outside the district's wards). Months are the first
-- day of the month: portal reports by when they were received (UTC), police incidents by their month.

-- Portal reports by kind of behaviour, open or closed and risk level; police incidents (category and
-- risk '').
CREATE TABLE ward_month_count (
    ward_code     VARCHAR(16)  NOT NULL,
    month         DATE         NOT NULL,
    source        VARCHAR(8)   NOT NULL,
    category_code VARCHAR(40)  NOT NULL,
    closed        BOOLEAN      NOT NULL,
    risk_level    VARCHAR(10)  NOT NULL,
    n             INT          NOT NULL,
    PRIMARY KEY (ward_code, month, source, category_code, closed, risk_level),
    KEY ix_ward_month_count_month (month, source, ward_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Portal reports by weekday (0 Monday) and hour when the behaviour happened, where a time was given.
CREATE TABLE ward_month_hour (
    ward_code VARCHAR(16) NOT NULL,
    month     DATE        NOT NULL,
    weekday   TINYINT     NOT NULL,
    hour      TINYINT     NOT NULL,
    n         INT         NOT NULL,
    PRIMARY KEY (ward_code, month, weekday, hour),
    KEY ix_ward_month_hour_month (month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How many portal reports took exactly so many seconds from receipt to first contact (their first
-- IN_PROGRESS event) or to closure (each closed queue item), so medians are exact.
CREATE TABLE ward_month_duration (
    ward_code VARCHAR(16) NOT NULL,
    month     DATE        NOT NULL,
    kind      VARCHAR(16) NOT NULL,
    seconds   BIGINT      NOT NULL,
    n         INT         NOT NULL,
    PRIMARY KEY (ward_code, month, kind, seconds)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Police incidents by street-level place.
CREATE TABLE ward_month_place (
    ward_code VARCHAR(16)  NOT NULL,
    month     DATE         NOT NULL,
    location  VARCHAR(255) NOT NULL,
    n         INT          NOT NULL,
    PRIMARY KEY (ward_code, month, location),
    KEY ix_ward_month_place_month (month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Filled from what is already there (the same statements as WardCounts.rebuildAll).
INSERT INTO ward_month_count (ward_code, month, source, category_code, closed, risk_level, n)
SELECT COALESCE(r.ward_code, ''), DATE_FORMAT(r.submitted_at, '%Y-%m-01'), 'PORTAL', r.category_code,
       r.status = 'CLOSED', r.risk_level, COUNT(*)
FROM report r GROUP BY 1, 2, 4, 5, 6;

INSERT INTO ward_month_count (ward_code, month, source, category_code, closed, risk_level, n)
SELECT COALESCE(p.ward_code, ''), p.month, 'POLICE', '', FALSE, '', COUNT(*)
FROM police_incident p GROUP BY 1, 2;

INSERT INTO ward_month_hour (ward_code, month, weekday, hour, n)
SELECT COALESCE(r.ward_code, ''), DATE_FORMAT(r.submitted_at, '%Y-%m-01'), WEEKDAY(r.occurred_on), HOUR(r.occurred_time), COUNT(*)
FROM report r WHERE r.occurred_time IS NOT NULL GROUP BY 1, 2, 3, 4;

INSERT INTO ward_month_duration (ward_code, month, kind, seconds, n)
SELECT x.ward_code, x.month, 'FIRST_CONTACT', x.seconds, COUNT(*)
FROM (SELECT COALESCE(r.ward_code, '') AS ward_code, DATE_FORMAT(r.submitted_at, '%Y-%m-01') AS month,
             TIMESTAMPDIFF(SECOND, r.submitted_at, MIN(e.occurred_at)) AS seconds
      FROM report r JOIN report_event e ON e.report_id = r.id AND e.kind = 'IN_PROGRESS'
      GROUP BY r.id, r.ward_code, r.submitted_at) x
GROUP BY 1, 2, 4;

INSERT INTO ward_month_duration (ward_code, month, kind, seconds, n)
SELECT COALESCE(r.ward_code, ''), DATE_FORMAT(r.submitted_at, '%Y-%m-01'), 'CLOSURE',
       TIMESTAMPDIFF(SECOND, r.submitted_at, q.closed_at), COUNT(*)
FROM report r JOIN queue_item q ON q.report_id = r.id WHERE q.closed_at IS NOT NULL GROUP BY 1, 2, 4;

INSERT INTO ward_month_place (ward_code, month, location, n)
SELECT COALESCE(p.ward_code, ''), p.month, p.location, COUNT(*)
FROM police_incident p WHERE p.location IS NOT NULL GROUP BY 1, 2, 3;
