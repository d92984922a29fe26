-- Verbatims: customers' own words, personal data removed before they get here. One row per fingerprint
-- (folded text + persona), so a file imported twice adds nothing. Undated verbatims take their import date,
-- so that they reach the next digest.
CREATE TABLE verbatims (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fingerprint text        NOT NULL UNIQUE,
    text        text        NOT NULL,
    persona_id  text        NULL,
    kind        text        NULL,
    stage       text        NULL,
    source      text        NULL,
    said_on     date        NOT NULL,
    dated       boolean     NOT NULL,
    channel     text        NULL,
    language    text        NOT NULL,
    added_at    timestamptz NOT NULL
);

CREATE INDEX ix_verbatims_language_said_on ON verbatims (language, said_on);
