-- Weekly digest subscriptions (local day and time in the conversation's time zone), and the verbatims each
-- conversation has been shown, so that none comes back before all have been shown.
CREATE TABLE digest_subscriptions (
    platform        text        NOT NULL,
    tenant_id       text        NOT NULL,
    conversation_id text        NOT NULL,
    day_of_week     integer     NOT NULL,
    local_time      text        NOT NULL,
    time_zone       text        NOT NULL,
    language        text        NOT NULL,
    subscribed_at   timestamptz NOT NULL,
    last_sent_for   timestamptz NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id)
);

CREATE TABLE digest_shown (
    platform        text        NOT NULL,
    tenant_id       text        NOT NULL,
    conversation_id text        NOT NULL,
    verbatim_id     bigint      NOT NULL,
    shown_at        timestamptz NOT NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id, verbatim_id)
);
