-- Verbatims: customers' own words, personal data removed before they get here. One row per fingerprint
-- (folded text + persona), so a file imported twice adds nothing. said_on is an ISO date; undated verbatims
-- take their import date, so that they reach the next digest.
CREATE TABLE verbatims (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint TEXT NOT NULL UNIQUE,
    text        TEXT NOT NULL,
    persona_id  TEXT NULL,
    kind        TEXT NULL,
    stage       TEXT NULL,
    source      TEXT NULL,
    said_on     TEXT NOT NULL,
    dated       INTEGER NOT NULL,
    channel     TEXT NULL,
    language    TEXT NOT NULL,
    added_at    TEXT NOT NULL
);

CREATE INDEX ix_verbatims_language_said_on ON verbatims (language, said_on);
