-- Conversations: where to write later, who was welcomed, which inbound events were handled.
-- Timestamps are ISO-8601 UTC text (round-trip "O" format): sortable and readable in the sqlite3 shell.
CREATE TABLE conversation_references (
    platform        TEXT NOT NULL,
    tenant_id       TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    kind            TEXT NOT NULL,
    service_url     TEXT NULL,
    bot_id          TEXT NULL,
    user_id         TEXT NULL,
    locale          TEXT NULL,
    time_zone       TEXT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id)
);

CREATE TABLE welcomed_conversations (
    platform        TEXT NOT NULL,
    tenant_id       TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    welcomed_at     TEXT NOT NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id)
);

CREATE TABLE inbound_events (
    platform    TEXT NOT NULL,
    inbound_id  TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (platform, inbound_id)
);

CREATE INDEX ix_inbound_events_received_at ON inbound_events (received_at);
