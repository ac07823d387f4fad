-- Demonstration directory for Bedford Borough (dev profile and tests only).
-- Telephone numbers are Ofcom's drama numbers; web addresses are the organisations' public sites.
-- Repeatable: re-applied whenever this file changes, so it must stay idempotent.

INSERT INTO agency (code, name, handles, phone, email, website, hours, urgency, sort_order) VALUES
 ('BBC_ASB',     'Bedford Borough Council community safety team', 'Anti-social behaviour that is not an emergency, and the Community Trigger.', '01632 960001', 'asb@example.org', 'https://www.bedford.gov.uk/', 'Monday to Friday, 9am to 5pm', 'ROUTINE', 10),
 ('BBC_ENVH',    'Bedford Borough Council environmental health', 'Noise from homes and businesses, and animal nuisance.', '01632 960002', 'environmental.health@example.org', 'https://www.bedford.gov.uk/', 'Monday to Friday, 9am to 5pm', 'ROUTINE', 20),
 ('BBC_STREETS', 'Bedford Borough Council street services', 'Graffiti, fly-tipping, litter and abandoned vehicles.', '01632 960003', 'streets@example.org', 'https://www.bedford.gov.uk/', 'Monday to Friday, 8am to 6pm', 'ROUTINE', 30),
 ('BEDS_POLICE', 'Bedfordshire Police', 'Crime and anti-social behaviour that needs the police but is not an emergency.', '101', NULL, 'https://www.bedfordshire.police.uk/', 'Any time', 'URGENT', 3),
 ('HOUSING',     'Your housing association', 'Nuisance caused by, or affecting, housing association tenants. Your tenancy agreement has their number.', NULL, NULL, NULL, NULL, 'ROUTINE', 40),
 ('VICTIM_SUPPORT', 'Victim Support', 'Free, confidential support for anyone affected by crime or anti-social behaviour.', '0808 168 9111', NULL, 'https://www.victimsupport.org.uk/', 'Any time', 'ROUTINE', 50)
  ON DUPLICATE KEY UPDATE name = VALUES(name), handles = VALUES(handles), phone = VALUES(phone), email = VALUES(email),
    website = VALUES(website), hours = VALUES(hours), urgency = VALUES(urgency), sort_order = VALUES(sort_order);

INSERT IGNORE INTO agency_category (agency_id, category_code)
  SELECT a.id, c.code FROM agency a JOIN category c
   WHERE (a.code = 'BBC_ASB' AND c.code IN ('ROWDY', 'NEIGHBOUR', 'INTIMIDATION', 'HATE', 'BEGGING', 'TRESPASS'))
      OR (a.code = 'BBC_ENVH' AND c.code IN ('NOISE', 'ANIMAL'))
      OR (a.code = 'BBC_STREETS' AND c.code IN ('GRAFFITI_DAMAGE', 'FLY_TIPPING', 'ABANDONED_VEHICLE'))
      OR (a.code = 'HOUSING' AND c.code IN ('NEIGHBOUR', 'NOISE'))
      OR (a.code = 'VICTIM_SUPPORT' AND c.code IN ('HATE', 'INTIMIDATION', 'NEIGHBOUR'));
