-- The ASB Help PLEDGE self-assessment. The questionnaire is data and versioned: a version, once
-- published, is never changed; a new version is new rows. An assessment keeps the version it was
-- started on and its answers against that version's questions, so publishing a new version never
-- alters an assessment already submitted.
CREATE TABLE pledge_questionnaire (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version      INT          NOT NULL,
    title        VARCHAR(200) NOT NULL,
    published_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_pledge_questionnaire_version UNIQUE (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pledge_section (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    questionnaire_id BIGINT        NOT NULL,
    position         INT           NOT NULL,
    -- Stable across versions, so a re-assessment is compared section by section with the previous one.
    code             VARCHAR(40)   NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    description      VARCHAR(2000) NOT NULL,
    CONSTRAINT uq_pledge_section_code UNIQUE (questionnaire_id, code),
    CONSTRAINT fk_pledge_section_questionnaire FOREIGN KEY (questionnaire_id) REFERENCES pledge_questionnaire (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pledge_question (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    section_id       BIGINT        NOT NULL,
    position         INT           NOT NULL,
    code             VARCHAR(40)   NOT NULL,
    -- The area of practice the question examines, e.g. "Appeal route".
    area             VARCHAR(100)  NOT NULL,
    text             VARCHAR(1000) NOT NULL,
    hint             VARCHAR(1000) NULL,
    -- What to do when the answer is "no" or "partly".
    suggested_action VARCHAR(1000) NOT NULL,
    CONSTRAINT uq_pledge_question_code UNIQUE (section_id, code),
    CONSTRAINT fk_pledge_question_section FOREIGN KEY (section_id) REFERENCES pledge_section (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pledge_organisation (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    type       VARCHAR(20)  NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT ck_pledge_organisation_type CHECK (type IN ('COUNCIL', 'POLICE', 'HOUSING', 'OTHER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pledge_contact (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation_id BIGINT       NOT NULL,
    name            VARCHAR(200) NOT NULL,
    -- Trimmed and in lower case.
    email           VARCHAR(254) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    verified_at     DATETIME(6)  NULL,
    CONSTRAINT uq_pledge_contact_email UNIQUE (email),
    CONSTRAINT fk_pledge_contact_organisation FOREIGN KEY (organisation_id) REFERENCES pledge_organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-time sign-in links (after registering, on request, or in an invitation). Only the SHA-256 of
-- the random token is kept; a link works once, before it expires.
CREATE TABLE pledge_link (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contact_id BIGINT      NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT uq_pledge_link_token UNIQUE (token_hash),
    CONSTRAINT fk_pledge_link_contact FOREIGN KEY (contact_id) REFERENCES pledge_contact (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Signed-in contacts, kept in the database so that every replica knows them. The cookie carries a
-- random token; only its SHA-256 is kept here.
CREATE TABLE pledge_session (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contact_id BIGINT      NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_pledge_session_token UNIQUE (token_hash),
    CONSTRAINT fk_pledge_session_contact FOREIGN KEY (contact_id) REFERENCES pledge_contact (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pledge_assessment (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation_id  BIGINT       NOT NULL,
    questionnaire_id BIGINT       NOT NULL,
    -- The submitted assessment this one is a re-assessment of.
    previous_id      BIGINT       NULL,
    status           VARCHAR(12)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    submitted_at     DATETIME(6)  NULL,
    signed_name      VARCHAR(200) NULL,
    signed_role      VARCHAR(200) NULL,
    signed_on        DATE         NULL,
    -- Whether the organisation may be named on the public list of signed organisations.
    list_publicly    BOOLEAN      NOT NULL DEFAULT FALSE,
    version          INT          NOT NULL DEFAULT 0,
    CONSTRAINT ck_pledge_assessment_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    KEY ix_pledge_assessment_status (status, submitted_at),
    CONSTRAINT fk_pledge_assessment_organisation FOREIGN KEY (organisation_id) REFERENCES pledge_organisation (id),
    CONSTRAINT fk_pledge_assessment_questionnaire FOREIGN KEY (questionnaire_id) REFERENCES pledge_questionnaire (id),
    CONSTRAINT fk_pledge_assessment_previous FOREIGN KEY (previous_id) REFERENCES pledge_assessment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pledge_answer (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    assessment_id BIGINT        NOT NULL,
    question_id   BIGINT        NOT NULL,
    answer        VARCHAR(14)   NULL,
    evidence      VARCHAR(4000) NULL,
    evidence_link VARCHAR(500)  NULL,
    note          VARCHAR(2000) NULL,
    updated_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uq_pledge_answer UNIQUE (assessment_id, question_id),
    CONSTRAINT ck_pledge_answer CHECK (answer IN ('YES', 'PARTLY', 'NO', 'NOT_APPLICABLE')),
    CONSTRAINT fk_pledge_answer_assessment FOREIGN KEY (assessment_id) REFERENCES pledge_assessment (id),
    CONSTRAINT fk_pledge_answer_question FOREIGN KEY (question_id) REFERENCES pledge_question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The organisation's action plan: what it will do about a gap, who owns it and by when.
CREATE TABLE pledge_action (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    assessment_id BIGINT        NOT NULL,
    question_id   BIGINT        NOT NULL,
    description   VARCHAR(1000) NOT NULL,
    owner         VARCHAR(200)  NOT NULL,
    target_date   DATE          NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    KEY ix_pledge_action_assessment (assessment_id),
    CONSTRAINT fk_pledge_action_assessment FOREIGN KEY (assessment_id) REFERENCES pledge_assessment (id),
    CONSTRAINT fk_pledge_action_question FOREIGN KEY (question_id) REFERENCES pledge_question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reviews, append-only: each decision on a submitted assessment with the reviewer's feedback and a
-- comment per section.
CREATE TABLE pledge_review (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    assessment_id BIGINT        NOT NULL,
    decision      VARCHAR(10)   NOT NULL,
    feedback      VARCHAR(4000) NULL,
    reviewer      VARCHAR(80)   NOT NULL,
    decided_at    DATETIME(6)   NOT NULL,
    CONSTRAINT ck_pledge_review_decision CHECK (decision IN ('ACCEPTED', 'RETURNED')),
    KEY ix_pledge_review_assessment (assessment_id, decided_at),
    CONSTRAINT fk_pledge_review_assessment FOREIGN KEY (assessment_id) REFERENCES pledge_assessment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pledge_review_comment (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    review_id  BIGINT        NOT NULL,
    section_id BIGINT        NOT NULL,
    comment    VARCHAR(2000) NOT NULL,
    CONSTRAINT fk_pledge_review_comment_review FOREIGN KEY (review_id) REFERENCES pledge_review (id),
    CONSTRAINT fk_pledge_review_comment_section FOREIGN KEY (section_id) REFERENCES pledge_section (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
