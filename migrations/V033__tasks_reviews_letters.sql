-- Case reviews, the daily digest of work due, and letters.

-- Each review of an open case recorded by an officer: high- and medium-risk cases are reviewed on a
-- cadence (asb.triage.review.*), counted from the latest review or, before any, from when the case
-- came in. Append-only.
CREATE TABLE case_review (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id    BIGINT        NOT NULL,
    reviewed_at  DATETIME(6)   NOT NULL,
    reviewed_by  VARCHAR(80)   NOT NULL,
    note         VARCHAR(2000) NOT NULL,
    KEY ix_case_review_report (report_id, reviewed_at),
    CONSTRAINT fk_case_review_report FOREIGN KEY (report_id) REFERENCES report (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The digest of work due sent to an officer on a day: one row per officer per day, written in the
-- transaction that puts the email in the outbox, so a second run that day (a restart, another
-- replica) finds it and sends nothing.
CREATE TABLE task_digest (
    account_id  BIGINT      NOT NULL,
    sent_on     DATE        NOT NULL,
    sent_at     DATETIME(6) NOT NULL,
    items       INT         NOT NULL,
    PRIMARY KEY (account_id, sent_on),
    CONSTRAINT fk_task_digest_account FOREIGN KEY (account_id) REFERENCES staff_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Letter templates (Qute text with placeholders), maintained by administrators. Editing a template
-- adds a version; every version is kept, and a letter sent names the version it was filled from.
CREATE TABLE letter_template (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(40) NOT NULL,
    sort_order  INT         NOT NULL DEFAULT 0,
    UNIQUE KEY uq_letter_template_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE letter_template_version (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    template_id  BIGINT       NOT NULL,
    version      INT          NOT NULL,
    name         VARCHAR(120) NOT NULL,
    body         TEXT         NOT NULL,
    created_by   VARCHAR(80)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    UNIQUE KEY uq_letter_template_version (template_id, version),
    CONSTRAINT fk_letter_template_version_template FOREIGN KEY (template_id) REFERENCES letter_template (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Letters as sent: the final text exactly as the officer saved it, never changed. Append-only.
CREATE TABLE case_letter (
    id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id         BIGINT      NOT NULL,
    template_id       BIGINT      NOT NULL,
    template_version  INT         NOT NULL,
    body              TEXT        NOT NULL,
    sent_by           VARCHAR(80) NOT NULL,
    sent_at           DATETIME(6) NOT NULL,
    KEY ix_case_letter_report (report_id, sent_at),
    CONSTRAINT fk_case_letter_report FOREIGN KEY (report_id) REFERENCES report (id),
    CONSTRAINT fk_case_letter_template FOREIGN KEY (template_id) REFERENCES letter_template (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO letter_template (code, sort_order) VALUES ('WARNING', 1), ('ABC', 2), ('CPW', 3);

INSERT INTO letter_template_version (template_id, version, name, body, created_by, created_at)
SELECT id, 1, 'Warning letter',
'{partnershipName}
{officerOrganisation}

{recipientName}
{recipientAddress}

{date}

Our reference: {reference}

Dear {recipientName},

Warning about anti-social behaviour

We have received reports of anti-social behaviour ({category}) in the {wardName} area, which we believe involve you or members of your household.

Anti-social behaviour is conduct that has caused, or is likely to cause, harassment, alarm or distress to any person. It affects the quality of life of your neighbours and the wider community, and we take it seriously.

This letter is a warning. We ask that this behaviour stops immediately. If we receive further reports, we may take further action under the Anti-social Behaviour, Crime and Policing Act 2014. This may include a Community Protection Warning or Notice, a civil injunction, or action by your landlord under the terms of your tenancy.

If you believe these reports are not about you, or there are reasons we should know about, please contact me as soon as possible quoting the reference above. Support is available if you need it, and I can tell you where to find it.

Yours sincerely,

{officerName}
{officerOrganisation}
', 'migration', UTC_TIMESTAMP(6) FROM letter_template WHERE code = 'WARNING';

INSERT INTO letter_template_version (template_id, version, name, body, created_by, created_at)
SELECT id, 1, 'Acceptable Behaviour Contract',
'{partnershipName}
{officerOrganisation}

{recipientName}
{recipientAddress}

{date}

Our reference: {reference}

Dear {recipientName},

Acceptable Behaviour Contract

Following reports of anti-social behaviour ({category}) in the {wardName} area, we would like to meet you to agree an Acceptable Behaviour Contract.

An Acceptable Behaviour Contract is a written, voluntary agreement between you and the agencies working with you. It sets out the behaviour that must stop, the support we will offer to help you, and what may happen if the contract is broken. It usually lasts six months and is reviewed regularly.

The contract is not a legal order, but if it is broken we may use it as evidence should we need to apply to a court for a civil injunction or take other action under the Anti-social Behaviour, Crime and Policing Act 2014.

You are welcome to bring a parent, carer, support worker or friend to the meeting. Please contact me within 10 days of the date of this letter, quoting the reference above, to arrange a time.

Yours sincerely,

{officerName}
{officerOrganisation}
', 'migration', UTC_TIMESTAMP(6) FROM letter_template WHERE code = 'ABC';

INSERT INTO letter_template_version (template_id, version, name, body, created_by, created_at)
SELECT id, 1, 'Community Protection Warning',
'{partnershipName}
{officerOrganisation}

{recipientName}
{recipientAddress}

{date}

Our reference: {reference}

Dear {recipientName},

Community Protection Warning
Section 43 of the Anti-social Behaviour, Crime and Policing Act 2014

I am satisfied, on reasonable grounds, that your conduct ({category}, in the {wardName} area) is having a detrimental effect, of a persistent or continuing nature, on the quality of life of those in the locality, and that it is unreasonable.

You are warned that unless your conduct changes, a Community Protection Notice may be issued to you under section 43 of the Act. A notice may require you to stop doing specified things, to do specified things, or to take reasonable steps to achieve specified results.

Failure to comply with a Community Protection Notice, without reasonable excuse, is a criminal offence. On conviction an individual may be fined up to level 4 on the standard scale, and a business up to £20,000. A fixed penalty of up to £100 may be offered instead of prosecution.

If you wish to discuss this warning, please contact me quoting the reference above.

Yours sincerely,

{officerName}
{officerOrganisation}
', 'migration', UTC_TIMESTAMP(6) FROM letter_template WHERE code = 'CPW';
