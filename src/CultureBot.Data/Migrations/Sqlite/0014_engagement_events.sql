-- Engagement: what people do with the bot, per organization, to see whether the culture spreads. A person is a
-- pseudonym (HMAC-SHA256 of platform and user id under the deployment's key, kept in engagement_key), never an id.
CREATE TABLE engagement_events (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    platform        TEXT    NOT NULL,
    tenant_id       TEXT    NOT NULL,
    occurred_at     TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    person          TEXT    NULL,
    conversation_id TEXT    NOT NULL,
    persona_id      TEXT    NULL,
    value           REAL    NULL,
    detail          TEXT    NULL
);

CREATE INDEX ix_engagement_events_org_time ON engagement_events (platform, tenant_id, occurred_at);
CREATE INDEX ix_engagement_events_time ON engagement_events (occurred_at);

-- One row: the deployment's pseudonym key (base64), drawn at random the first time it is needed.
CREATE TABLE engagement_key (
    id  INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    key TEXT    NOT NULL
);
