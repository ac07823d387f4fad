-- Reference data: categories of ASB, wards, triage queues, routing rules and the contact directory.
-- Staff maintain these tables; the rows below are the partnership's starting point.

CREATE TABLE category (
    code        VARCHAR(40)  NOT NULL PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    category_group VARCHAR(20) NOT NULL,
    hint        VARCHAR(255) NULL,
    sort_order  INT          NOT NULL,
    CONSTRAINT ck_category_group CHECK (category_group IN ('PERSONAL', 'NUISANCE', 'ENVIRONMENTAL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO category (code, name, category_group, hint, sort_order) VALUES
 ('INTIMIDATION',      'Intimidation or harassment',              'PERSONAL',      'Threats, abuse or being followed or watched', 10),
 ('HATE',              'Hate-motivated behaviour',                'PERSONAL',      'Aimed at someone because of disability, race, religion, sexuality or gender identity', 20),
 ('NEIGHBOUR',         'Neighbour nuisance',                      'PERSONAL',      'Repeated problems caused by people living nearby', 30),
 ('NOISE',             'Noise',                                   'NUISANCE',      'Loud music, parties, shouting or machinery', 40),
 ('ROWDY',             'Rowdy or inconsiderate behaviour',        'NUISANCE',      'Groups causing trouble, shouting or fighting in the street', 50),
 ('DRUGS',             'Drug dealing or drug use',                'NUISANCE',      NULL, 60),
 ('STREET_DRINKING',   'Street drinking',                         'NUISANCE',      NULL, 70),
 ('VEHICLE_NUISANCE',  'Vehicle nuisance',                        'NUISANCE',      'Off-road bikes, car meets, dangerous or noisy driving', 80),
 ('FIREWORKS',         'Fireworks',                               'NUISANCE',      'Fireworks set off late at night or aimed at people, animals or property', 90),
 ('BEGGING',           'Begging',                                 'NUISANCE',      NULL, 100),
 ('ANIMAL',            'Animal nuisance',                         'NUISANCE',      'Barking, dangerous or out-of-control dogs', 110),
 ('TRESPASS',          'Trespass',                                'NUISANCE',      'People on land or in buildings without permission', 120),
 ('GRAFFITI_DAMAGE',   'Graffiti or criminal damage',             'ENVIRONMENTAL', NULL, 130),
 ('FLY_TIPPING',       'Fly-tipping or litter',                   'ENVIRONMENTAL', 'Rubbish dumped on land or in the street', 140),
 ('ABANDONED_VEHICLE', 'Abandoned vehicle',                       'ENVIRONMENTAL', NULL, 150);

CREATE TABLE ward (
    code        VARCHAR(16)  NOT NULL PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    -- GeoJSON geometry (Polygon or MultiPolygon, lon/lat) used for exact point-in-polygon.
    boundary    LONGTEXT     NULL,
    population  INT          NULL,
    KEY ix_ward_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE triage_queue (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(500) NOT NULL,
    CONSTRAINT uq_triage_queue_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO triage_queue (code, name, description) VALUES
 ('COUNCIL_ASB',         'Council ASB team',                 'Community safety officers of the council: general anti-social behaviour and environmental crime.'),
 ('POLICE_NEIGHBOURHOOD','Police neighbourhood team',        'Local policing team: drugs, street drinking, vehicle nuisance, intimidation and criminal behaviour.'),
 ('ENVIRONMENTAL_HEALTH','Environmental health',             'Noise nuisance and animal nuisance.'),
 ('HOUSING_PROVIDERS',   'Housing providers',                'Registered social landlords: nuisance caused by or affecting their tenants.'),
 ('YOUTH_OUTREACH',      'Youth outreach and preventions',   'Behaviour involving young people: outreach, diversion and early intervention.'),
 ('HATE_INCIDENTS',      'Hate incidents',                   'Behaviour aimed at someone because of who they are.'),
 ('VULNERABILITY_HUB',   'Partnership Vulnerability Hub',    'High-risk reports and vulnerable victims, reviewed at the daily hub.'),
 ('MANUAL_CHECK',        'Manual check',                     'Reports a person must look at before they are routed: unverified submissions and anything no rule covers.');

-- Routing: the first rule that matches, by ascending priority, decides the queue.
-- A NULL condition matches anything. The last rule is the catch-all.
CREATE TABLE routing_rule (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    priority          INT          NOT NULL,
    description       VARCHAR(255) NOT NULL,
    category_code     VARCHAR(40)  NULL,
    min_risk          VARCHAR(10)  NULL,
    hate_motivated    BOOLEAN      NULL,
    young_people      BOOLEAN      NULL,
    vulnerable_victim BOOLEAN      NULL,
    unverified        BOOLEAN      NULL,
    ward_code         VARCHAR(16)  NULL,
    queue_id          BIGINT       NOT NULL,
    CONSTRAINT fk_routing_rule_queue FOREIGN KEY (queue_id) REFERENCES triage_queue (id),
    CONSTRAINT fk_routing_rule_category FOREIGN KEY (category_code) REFERENCES category (code),
    CONSTRAINT ck_routing_rule_risk CHECK (min_risk IS NULL OR min_risk IN ('STANDARD', 'MEDIUM', 'HIGH')),
    KEY ix_routing_rule_priority (priority)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO routing_rule (priority, description, unverified, queue_id)
  SELECT 10, 'Submissions whose robot check could not be completed are checked by a person first', TRUE, id FROM triage_queue WHERE code = 'MANUAL_CHECK';
INSERT INTO routing_rule (priority, description, min_risk, queue_id)
  SELECT 20, 'High-risk reports go to the daily vulnerability hub', 'HIGH', id FROM triage_queue WHERE code = 'VULNERABILITY_HUB';
INSERT INTO routing_rule (priority, description, vulnerable_victim, queue_id)
  SELECT 30, 'Children or vulnerable adults affected', TRUE, id FROM triage_queue WHERE code = 'VULNERABILITY_HUB';
INSERT INTO routing_rule (priority, description, hate_motivated, queue_id)
  SELECT 40, 'Hate-motivated behaviour', TRUE, id FROM triage_queue WHERE code = 'HATE_INCIDENTS';
INSERT INTO routing_rule (priority, description, category_code, queue_id)
  SELECT 45, 'Hate-motivated behaviour (category)', 'HATE', id FROM triage_queue WHERE code = 'HATE_INCIDENTS';
INSERT INTO routing_rule (priority, description, young_people, queue_id)
  SELECT 50, 'Young people involved', TRUE, id FROM triage_queue WHERE code = 'YOUTH_OUTREACH';
INSERT INTO routing_rule (priority, description, category_code, queue_id)
  SELECT 100 + c.sort_order, CONCAT('Category: ', c.name), c.code, q.id
    FROM category c JOIN triage_queue q ON q.code = CASE c.code
      WHEN 'NOISE'             THEN 'ENVIRONMENTAL_HEALTH'
      WHEN 'ANIMAL'            THEN 'ENVIRONMENTAL_HEALTH'
      WHEN 'NEIGHBOUR'         THEN 'HOUSING_PROVIDERS'
      WHEN 'INTIMIDATION'      THEN 'POLICE_NEIGHBOURHOOD'
      WHEN 'DRUGS'             THEN 'POLICE_NEIGHBOURHOOD'
      WHEN 'STREET_DRINKING'   THEN 'POLICE_NEIGHBOURHOOD'
      WHEN 'VEHICLE_NUISANCE'  THEN 'POLICE_NEIGHBOURHOOD'
      WHEN 'FIREWORKS'         THEN 'POLICE_NEIGHBOURHOOD'
      WHEN 'BEGGING'           THEN 'POLICE_NEIGHBOURHOOD'
      WHEN 'TRESPASS'          THEN 'POLICE_NEIGHBOURHOOD'
      ELSE 'COUNCIL_ASB' END
   WHERE c.code <> 'HATE';
INSERT INTO routing_rule (priority, description, queue_id)
  SELECT 1000, 'Catch-all: anything no other rule covers', id FROM triage_queue WHERE code = 'MANUAL_CHECK';

-- The directory of who to contact. Urgency: EMERGENCY (999), URGENT, ROUTINE.
CREATE TABLE agency (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(160) NOT NULL,
    handles     VARCHAR(500) NOT NULL,
    phone       VARCHAR(40)  NULL,
    email       VARCHAR(160) NULL,
    website     VARCHAR(255) NULL,
    hours       VARCHAR(160) NULL,
    urgency     VARCHAR(12)  NOT NULL DEFAULT 'ROUTINE',
    sort_order  INT          NOT NULL DEFAULT 100,
    CONSTRAINT uq_agency_code UNIQUE (code),
    CONSTRAINT ck_agency_urgency CHECK (urgency IN ('EMERGENCY', 'URGENT', 'ROUTINE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which agencies a resident reporting a category should also know about.
CREATE TABLE agency_category (
    agency_id     BIGINT      NOT NULL,
    category_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (agency_id, category_code),
    CONSTRAINT fk_agency_category_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE CASCADE,
    CONSTRAINT fk_agency_category_category FOREIGN KEY (category_code) REFERENCES category (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO agency (code, name, handles, phone, website, hours, urgency, sort_order) VALUES
 ('EMERGENCY',     'Emergency services',  'Danger to life, violence used or threatened now, or a crime happening now.', '999', NULL, 'Any time', 'EMERGENCY', 1),
 ('POLICE_101',    'Police non-emergency', 'Drug dealing, street drinking, vehicle nuisance, criminal damage, misuse of fireworks and crimes that are not happening now.', '101', 'https://www.police.uk/', 'Any time', 'URGENT', 2),
 ('CRIMESTOPPERS', 'Crimestoppers',        'Telling about a crime without giving your name.', '0800 555 111', 'https://crimestoppers-uk.org/', 'Any time', 'ROUTINE', 90);

INSERT INTO agency_category (agency_id, category_code)
  SELECT a.id, c.code FROM agency a JOIN category c
   WHERE a.code = 'POLICE_101' AND c.code IN ('DRUGS', 'STREET_DRINKING', 'VEHICLE_NUISANCE', 'GRAFFITI_DAMAGE', 'FIREWORKS', 'INTIMIDATION', 'HATE', 'TRESPASS', 'BEGGING');
INSERT INTO agency_category (agency_id, category_code)
  SELECT a.id, c.code FROM agency a JOIN category c
   WHERE a.code = 'CRIMESTOPPERS' AND c.code IN ('DRUGS', 'GRAFFITI_DAMAGE', 'INTIMIDATION');
