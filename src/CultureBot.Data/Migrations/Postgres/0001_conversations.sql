-- Conversations: where to write later, who was welcomed, which inbound events were handled.
CREATE TABLE conversation_references (
    platform        text        NOT NULL,
    tenant_id       text        NOT NULL,
    conversation_id text        NOT NULL,
    kind            text        NOT NULL,
    service_url     text        NULL,
    bot_id          text        NULL,
    user_id         text        NULL,
    locale          text        NULL,
    time_zone       text        NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id)
);

CREATE TABLE welcomed_conversations (
    platform        text        NOT NULL,
    tenant_id       text        NOT NULL,
    conversation_id text        NOT NULL,
    welcomed_at     timestamptz NOT NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id)
);

CREATE TABLE inbound_events (
    platform    text        NOT NULL,
    inbound_id  text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (platform, inbound_id)
);

CREATE INDEX ix_inbound_events_received_at ON inbound_events (received_at);
