-- Hints that help a resident choose between kinds of behaviour that overlap, and a hint for every
-- kind that had none. A hint a partnership has already changed is left as it is.
UPDATE category SET hint = 'Repeated problems with people living nearby, such as noise with threats, damage or rows. Noise alone: choose Noise'
 WHERE code = 'NEIGHBOUR' AND hint = 'Repeated problems caused by people living nearby';
UPDATE category SET hint = 'Loud music, parties, shouting or machinery. If it is one of several problems with a neighbour, choose Neighbour nuisance'
 WHERE code = 'NOISE' AND hint = 'Loud music, parties, shouting or machinery';
UPDATE category SET hint = 'Groups causing trouble, shouting or fighting in the street. Threats aimed at you: choose Intimidation or harassment'
 WHERE code = 'ROWDY' AND hint = 'Groups causing trouble, shouting or fighting in the street';
UPDATE category SET hint = 'Threats, abuse or being followed or watched. If it is because of who you are, choose Hate-motivated behaviour'
 WHERE code = 'INTIMIDATION' AND hint = 'Threats, abuse or being followed or watched';
UPDATE category SET hint = 'Dealing, people using drugs in public places, or needles left behind' WHERE code = 'DRUGS' AND hint IS NULL;
UPDATE category SET hint = 'Drinking in the street, parks or other public places, causing trouble' WHERE code = 'STREET_DRINKING' AND hint IS NULL;
UPDATE category SET hint = 'Asking for money in the street, especially if it is aggressive' WHERE code = 'BEGGING' AND hint IS NULL;
UPDATE category SET hint = 'Paint or marks on walls, or damage to property, bus shelters or cars' WHERE code = 'GRAFFITI_DAMAGE' AND hint IS NULL;
UPDATE category SET hint = 'A vehicle left for a long time, untaxed, burnt out or without plates' WHERE code = 'ABANDONED_VEHICLE' AND hint IS NULL;

-- Replicas still running the previous release hold the kinds in memory: they read them again.
INSERT INTO reference_data_version (kind, version) VALUES ('categories', 1) ON DUPLICATE KEY UPDATE version = version + 1;
