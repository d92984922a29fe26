-- Onboarding: the channels and teams where people who join are enrolled, and one enrolment per person with how far
-- they have come (the next card and when it is due).
CREATE TABLE onboarding_channels (
    platform        text        NOT NULL,
    tenant_id       text        NOT NULL,
    conversation_id text        NOT NULL,
    enabled_by      text        NULL,
    enabled_at      timestamptz NOT NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id)
);

CREATE TABLE onboarding_enrolments (
    platform                text        NOT NULL,
    tenant_id               text        NOT NULL,
    user_id                 text        NOT NULL,
    user_name               text        NULL,
    deliver_to              text        NOT NULL,
    pack_slug               text        NOT NULL,
    language                text        NOT NULL,
    time_zone               text        NOT NULL,
    next_step               integer     NOT NULL,
    next_due_at             timestamptz NOT NULL,
    status                  text        NOT NULL,
    enrolled_by             text        NULL,
    report_to               text        NULL,
    enrolled_at             timestamptz NOT NULL,
    completed_at            timestamptz NULL,
    PRIMARY KEY (platform, tenant_id, user_id)
);

CREATE INDEX onboarding_enrolments_due ON onboarding_enrolments (next_due_at) WHERE status = 'active';
