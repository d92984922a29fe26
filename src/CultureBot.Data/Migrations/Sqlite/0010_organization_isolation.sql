-- Organizations are isolated: every row that belongs to a Teams tenant or a Slack workspace carries it, and its
-- uniqueness includes it.
--
-- Verbatims: the fingerprint is unique per organization. Rows stored before had no organization: when the database
-- knows exactly one organization (one platform and tenant among the conversations), they were its verbatims and go
-- to it; otherwise they stay unassigned ('' / ''), shown nowhere, until an operator runs
-- `culturebot verbatims assign --org teams:TENANT|slack:TEAM`.
CREATE TABLE verbatims_by_organization (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    platform    TEXT NOT NULL,
    tenant_id   TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    text        TEXT NOT NULL,
    persona_id  TEXT NULL,
    kind        TEXT NULL,
    stage       TEXT NULL,
    source      TEXT NULL,
    said_on     TEXT NOT NULL,
    dated       INTEGER NOT NULL,
    channel     TEXT NULL,
    language    TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    UNIQUE (platform, tenant_id, fingerprint)
);

INSERT INTO verbatims_by_organization (id, platform, tenant_id, fingerprint, text, persona_id, kind, stage, source, said_on, dated, channel, language, added_at)
SELECT id, '', '', fingerprint, text, persona_id, kind, stage, source, said_on, dated, channel, language, added_at FROM verbatims;

UPDATE verbatims_by_organization
SET platform = (SELECT platform FROM conversation_references LIMIT 1),
    tenant_id = (SELECT tenant_id FROM conversation_references LIMIT 1)
WHERE (SELECT COUNT(*) FROM (SELECT DISTINCT platform, tenant_id FROM conversation_references) AS organizations) = 1;

DROP TABLE verbatims;
ALTER TABLE verbatims_by_organization RENAME TO verbatims;
CREATE INDEX ix_verbatims_organization_language_said_on ON verbatims (platform, tenant_id, language, said_on);

-- Inbound ids are unique within an organization only (the same Teams activity id may come from two tenants).
-- Rows before this have no tenant: they only ever stopped retries of minutes ago.
CREATE TABLE inbound_events_by_organization (
    platform    TEXT NOT NULL,
    tenant_id   TEXT NOT NULL,
    inbound_id  TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (platform, tenant_id, inbound_id)
);

INSERT INTO inbound_events_by_organization (platform, tenant_id, inbound_id, received_at)
SELECT platform, '', inbound_id, received_at FROM inbound_events;

DROP TABLE inbound_events;
ALTER TABLE inbound_events_by_organization RENAME TO inbound_events;
CREATE INDEX ix_inbound_events_received_at ON inbound_events (received_at);

-- A player who prefers not to be named says so in one organization. A wish stored before applies in every
-- organization where that player has answered.
CREATE TABLE quiz_hidden_players_by_organization (
    platform  TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    player_id TEXT NOT NULL,
    PRIMARY KEY (platform, tenant_id, player_id)
);

INSERT INTO quiz_hidden_players_by_organization (platform, tenant_id, player_id)
SELECT DISTINCT g.platform, g.tenant_id, h.player_id
FROM quiz_hidden_players h
JOIN quiz_answers a ON a.player_id = h.player_id
JOIN quiz_games g ON g.id = a.game_id;

DROP TABLE quiz_hidden_players;
ALTER TABLE quiz_hidden_players_by_organization RENAME TO quiz_hidden_players;
