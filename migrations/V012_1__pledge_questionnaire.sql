-- Version 1 of the PLEDGE self-assessment: a section for each of the six principles, each asking
-- about the areas of practice that principle covers, and the CLAP test (Clear, Legal, Accessible,
-- Promoted) of the published procedure. Every question carries the action suggested when the answer
-- is "no" or "partly". Never edit a published version: add a new one.
INSERT INTO pledge_questionnaire (version, title, published_at)
VALUES (1, 'ASB Help PLEDGE self-assessment', '2026-12-01 00:00:00');
SET @q = LAST_INSERT_ID();

INSERT INTO pledge_section (questionnaire_id, position, code, title, description) VALUES
(@q, 1, 'promote', 'Promote awareness to residents and partners',
 'How residents, victims and partner agencies find out that the Community Trigger exists and how to use it.');
SET @s = LAST_INSERT_ID();
INSERT INTO pledge_question (section_id, position, code, area, text, hint, suggested_action) VALUES
(@s, 1, 'website', 'Information on the website',
 'Does your website explain the Community Trigger in plain words: who can use it, what counts and what happens next?',
 'A resident should find it within two clicks of your home page, without knowing the term "Community Trigger".',
 'Publish a plain-English Community Trigger page, linked from your anti-social behaviour pages and home page search.'),
(@s, 2, 'vulnerable', 'Reaching vulnerable victims',
 'Do you actively tell vulnerable victims and the people who support them that they can ask for a case review?',
 'For example through victim support services, housing officers, social care, mental health and disability groups.',
 'Agree with partners how vulnerable victims will be told about the Community Trigger, and brief the staff and groups who support them.'),
(@s, 3, 'figures', 'Published figures',
 'Do you publish, every year, how many applications you received, how many did not meet the threshold, how many reviews you held and how many led to recommendations?',
 NULL,
 'Publish the four yearly figures on your Community Trigger page and keep earlier years available.');

INSERT INTO pledge_section (questionnaire_id, position, code, title, description) VALUES
(@q, 2, 'legal', 'Be legally compliant and true to the spirit of the trigger',
 'Whether your procedure meets the Anti-social Behaviour, Crime and Policing Act 2014 and treats the threshold as a floor, not a barrier.');
SET @s = LAST_INSERT_ID();
INSERT INTO pledge_question (section_id, position, code, area, text, hint, suggested_action) VALUES
(@s, 1, 'threshold', 'Threshold and caveats',
 'Is your threshold no higher than three qualifying complaints, and are any extra conditions or local variations written down and explained?',
 'Local variations can lower the bar, for example one hate incident, or discretion for vulnerable victims; none may raise it.',
 'Review the threshold with partners, remove any condition that raises it above the law, and publish the caveats in plain words.'),
(@s, 2, 'sharing', 'Sharing with relevant bodies',
 'Is every application shared with all the relevant bodies: the council, the police, the integrated care board and co-opted social landlords?',
 NULL,
 'Agree an information-sharing arrangement with every relevant body and a named person in each who receives applications.'),
(@s, 3, 'appeal', 'Appeal route',
 'Can an applicant who is unhappy with the outcome ask for it to be reviewed, and are they told how, including the Police and Crime Commissioner''s route and the Ombudsman?',
 NULL,
 'Write down an escalation route, include it in every outcome letter and on your website.');

INSERT INTO pledge_section (questionnaire_id, position, code, title, description) VALUES
(@q, 3, 'accessible', 'Ensure accessibility so the most vulnerable can use it',
 'Whether anyone, including people who are vulnerable, can ask for a case review in a way that suits them.');
SET @s = LAST_INSERT_ID();
INSERT INTO pledge_question (section_id, position, code, area, text, hint, suggested_action) VALUES
(@s, 1, 'channels', 'Channels to apply',
 'Can people apply in more than one way: online, by phone, in writing and with a form they can download?',
 'Someone may also apply on the victim''s behalf with their consent, for example a family member, councillor or MP.',
 'Offer at least online, phone and written applications, and a downloadable form, and say on each that someone can apply on the victim''s behalf.'),
(@s, 2, 'contact', 'Point of contact',
 'Is there a named single point of contact for Community Trigger applications, with a direct phone number and email address?',
 NULL,
 'Name a single point of contact, publish how to reach them and make sure someone covers their absence.');

INSERT INTO pledge_section (questionnaire_id, position, code, title, description) VALUES
(@q, 4, 'develop', 'Develop the process by continual review',
 'Whether you learn from each case review and keep your procedure, documents and staff up to date.');
SET @s = LAST_INSERT_ID();
INSERT INTO pledge_question (section_id, position, code, area, text, hint, suggested_action) VALUES
(@s, 1, 'review', 'Review of the process',
 'Do you review the procedure at least once a year, using feedback from applicants and partners?',
 NULL,
 'Set a yearly review of the procedure with partners, and ask applicants for feedback after each case review.'),
(@s, 2, 'training', 'Staff training',
 'Are the staff who may receive an application, in every partner agency, trained to recognise one and know what to do?',
 'Including front-line and contact centre staff, not only the people who run review meetings.',
 'Train front-line and contact centre staff in every partner agency to recognise an application and pass it on the same day.'),
(@s, 3, 'templates', 'Template documents',
 'Do you have template documents for the process, such as acknowledgement and outcome letters, information sharing, running the meeting and the interventions available?',
 NULL,
 'Prepare a set of templates for letters, information sharing, the review meeting and the interventions available.');

INSERT INTO pledge_section (questionnaire_id, position, code, title, description) VALUES
(@q, 5, 'inclusive', 'Generate inclusivity through collaborative review meetings',
 'Whether review meetings bring the right agencies together and are run fairly.');
SET @s = LAST_INSERT_ID();
INSERT INTO pledge_question (section_id, position, code, area, text, hint, suggested_action) VALUES
(@s, 1, 'chair', 'Independent chair',
 'Is each review meeting chaired by someone independent of the agencies whose response is being reviewed?',
 NULL,
 'Identify people who could chair review meetings independently, for example from a neighbouring partnership.'),
(@s, 2, 'directory', 'Directory of contacts',
 'Do you keep an up-to-date directory of contacts in partner agencies for case reviews?',
 NULL,
 'Create a directory of named contacts in every partner agency and check it every quarter.');

INSERT INTO pledge_section (questionnaire_id, position, code, title, description) VALUES
(@q, 6, 'victims', 'Establish a precedent of putting victims first',
 'Whether victims are heard, kept informed and supported throughout the case review.');
SET @s = LAST_INSERT_ID();
INSERT INTO pledge_question (section_id, position, code, area, text, hint, suggested_action) VALUES
(@s, 1, 'attendance', 'Victim attendance and impact statement',
 'Is the victim offered the chance to attend the review meeting, or to give an impact statement in their own words?',
 NULL,
 'Offer every applicant the choice to attend, or to give an impact statement, and support them to do it.'),
(@s, 2, 'informed', 'Keeping the victim informed',
 'Is the victim kept informed at each step, within published timescales, by one person?',
 NULL,
 'Publish timescales for each step and give every applicant one person who keeps them informed.');

INSERT INTO pledge_section (questionnaire_id, position, code, title, description) VALUES
(@q, 7, 'clap', 'The CLAP test of your published procedure',
 'ASB Help tests published Community Trigger procedures for being Clear, Legal, Accessible and Promoted. Look at your procedure as a resident would.');
SET @s = LAST_INSERT_ID();
INSERT INTO pledge_question (section_id, position, code, area, text, hint, suggested_action) VALUES
(@s, 1, 'clear', 'Clear',
 'Is the published procedure written in plain words that a resident can follow without help?',
 NULL,
 'Rewrite the procedure in plain English and test it with residents.'),
(@s, 2, 'legal', 'Legal',
 'Does the published procedure match the law, with no extra hurdles for the applicant?',
 NULL,
 'Check the published procedure against the Act and statutory guidance, and remove any extra hurdles.'),
(@s, 3, 'accessible', 'Accessible',
 'Is the published procedure available in accessible formats and other languages on request?',
 NULL,
 'Offer the procedure in easy read, large print and other languages, and say so on the page.'),
(@s, 4, 'promoted', 'Promoted',
 'Is the published procedure promoted where victims will see it, not only on your website?',
 NULL,
 'Promote the procedure through partners, libraries, housing offices and social media.');
