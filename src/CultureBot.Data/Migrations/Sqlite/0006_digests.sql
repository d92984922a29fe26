-- Weekly digest subscriptions (local day and time in the conversation's time zone), and the verbatims each
-- conversation has been shown, so that none comes back before all have been shown.
CREATE TABLE digest_subscriptions (
    platform        TEXT    NOT NULL,
    tenant_id       TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    day_of_week     INTEGER NOT NULL,
    local_time      TEXT    NOT NULL,
    time_zone       TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    subscribed_at   TEXT    NOT NULL,
    last_sent_for   TEXT    NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id)
);

CREATE TABLE digest_shown (
    platform        TEXT    NOT NULL,
    tenant_id       TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    verbatim_id     INTEGER NOT NULL,
    shown_at        TEXT    NOT NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id, verbatim_id)
);
