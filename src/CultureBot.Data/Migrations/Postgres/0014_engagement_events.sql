-- Engagement: what people do with the bot, per organization, to see whether the culture spreads. A person is a
-- pseudonym (HMAC-SHA256 of platform and user id under the deployment's key, kept in engagement_key), never an id.
CREATE TABLE engagement_events (
    id              bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform        text             NOT NULL,
    tenant_id       text             NOT NULL,
    occurred_at     timestamptz      NOT NULL,
    kind            text             NOT NULL,
    person          text             NULL,
    conversation_id text             NOT NULL,
    persona_id      text             NULL,
    value           double precision NULL,
    detail          text             NULL
);

CREATE INDEX ix_engagement_events_org_time ON engagement_events (platform, tenant_id, occurred_at);
CREATE INDEX ix_engagement_events_time ON engagement_events (occurred_at);

-- One row: the deployment's pseudonym key (base64), drawn at random the first time it is needed.
CREATE TABLE engagement_key (
    id  integer NOT NULL PRIMARY KEY CHECK (id = 1),
    key text    NOT NULL
);
