-- Organizations are isolated: every row that belongs to a Teams tenant or a Slack workspace carries it, and its
-- uniqueness includes it.
--
-- Verbatims: the fingerprint is unique per organization. Rows stored before had no organization: when the database
-- knows exactly one organization (one platform and tenant among the conversations), they were its verbatims and go
-- to it; otherwise they stay unassigned ('' / ''), shown nowhere, until an operator runs
-- `culturebot verbatims assign --org teams:TENANT|slack:TEAM`.
ALTER TABLE verbatims ADD COLUMN platform text NOT NULL DEFAULT '';
ALTER TABLE verbatims ADD COLUMN tenant_id text NOT NULL DEFAULT '';
ALTER TABLE verbatims ALTER COLUMN platform DROP DEFAULT;
ALTER TABLE verbatims ALTER COLUMN tenant_id DROP DEFAULT;

UPDATE verbatims
SET platform = (SELECT platform FROM conversation_references LIMIT 1),
    tenant_id = (SELECT tenant_id FROM conversation_references LIMIT 1)
WHERE (SELECT COUNT(*) FROM (SELECT DISTINCT platform, tenant_id FROM conversation_references) AS organizations) = 1;

ALTER TABLE verbatims DROP CONSTRAINT verbatims_fingerprint_key;
ALTER TABLE verbatims ADD CONSTRAINT verbatims_organization_fingerprint_key UNIQUE (platform, tenant_id, fingerprint);
DROP INDEX ix_verbatims_language_said_on;
CREATE INDEX ix_verbatims_organization_language_said_on ON verbatims (platform, tenant_id, language, said_on);

-- Inbound ids are unique within an organization only (the same Teams activity id may come from two tenants).
-- Rows before this have no tenant: they only ever stopped retries of minutes ago.
ALTER TABLE inbound_events ADD COLUMN tenant_id text NOT NULL DEFAULT '';
ALTER TABLE inbound_events ALTER COLUMN tenant_id DROP DEFAULT;
ALTER TABLE inbound_events DROP CONSTRAINT inbound_events_pkey;
ALTER TABLE inbound_events ADD PRIMARY KEY (platform, tenant_id, inbound_id);

-- A player who prefers not to be named says so in one organization. A wish stored before applies in every
-- organization where that player has answered.
CREATE TABLE quiz_hidden_players_by_organization (
    platform  text NOT NULL,
    tenant_id text NOT NULL,
    player_id text NOT NULL,
    PRIMARY KEY (platform, tenant_id, player_id)
);

INSERT INTO quiz_hidden_players_by_organization (platform, tenant_id, player_id)
SELECT DISTINCT g.platform, g.tenant_id, h.player_id
FROM quiz_hidden_players h
JOIN quiz_answers a ON a.player_id = h.player_id
JOIN quiz_games g ON g.id = a.game_id;

DROP TABLE quiz_hidden_players;
ALTER TABLE quiz_hidden_players_by_organization RENAME TO quiz_hidden_players;
