-- The studio curates verbatims and reviews the quiz.
--
-- A retired verbatim is kept (and can be restored) but used nowhere: digests, the quiz and onboarding read only the
-- rows whose retired_at is null. revision counts the edits, so that the second of two editors is told the verbatim
-- changed since it was opened instead of overwriting the first.
ALTER TABLE verbatims ADD COLUMN retired_at timestamptz NULL;
ALTER TABLE verbatims ADD COLUMN revision integer NOT NULL DEFAULT 1;

-- The studio lists one owner's verbatims newest first, a page at a time: this index gives them in that order.
CREATE INDEX ix_verbatims_owner_said_on ON verbatims (platform, tenant_id, said_on, id);

-- What an organization's content owners decided about a generated quiz question (by its stable id): hidden (never
-- drawn again) and/or its explanation corrected (shown at the reveal instead of the sheet's lines).
CREATE TABLE quiz_question_overrides (
    platform    text        NOT NULL,
    tenant_id   text        NOT NULL,
    question_id text        NOT NULL,
    hidden      boolean     NOT NULL,
    explanation text        NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL,
    PRIMARY KEY (platform, tenant_id, question_id)
);
