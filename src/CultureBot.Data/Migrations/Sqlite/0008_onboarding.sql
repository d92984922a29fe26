-- Onboarding: the channels and teams where people who join are enrolled, and one enrolment per person with how far
-- they have come (the next card and when it is due).
CREATE TABLE onboarding_channels (
    platform        TEXT NOT NULL,
    tenant_id       TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    enabled_by      TEXT NULL,
    enabled_at      TEXT NOT NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id)
);

CREATE TABLE onboarding_enrolments (
    platform                TEXT    NOT NULL,
    tenant_id               TEXT    NOT NULL,
    user_id                 TEXT    NOT NULL,
    user_name               TEXT    NULL,
    deliver_to              TEXT    NOT NULL,
    pack_slug               TEXT    NOT NULL,
    language                TEXT    NOT NULL,
    time_zone               TEXT    NOT NULL,
    next_step               INTEGER NOT NULL,
    next_due_at             TEXT    NOT NULL,
    status                  TEXT    NOT NULL,
    enrolled_by             TEXT    NULL,
    report_to               TEXT    NULL,
    enrolled_at             TEXT    NOT NULL,
    completed_at            TEXT    NULL,
    PRIMARY KEY (platform, tenant_id, user_id)
);

CREATE INDEX onboarding_enrolments_due ON onboarding_enrolments (next_due_at) WHERE status = 'active';
