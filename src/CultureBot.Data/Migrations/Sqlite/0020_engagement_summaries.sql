-- Summaries of the engagement events, kept up to date by every insert (SqlEngagementStore.AddAsync), so that the
-- studio's insights for a year of 10,000 people read a few thousand rows instead of half a million (measured by the
-- LoadBench studio command). Per organization and UTC day: events per kind and persona (and quiz answers right),
-- distinct people, and events per team or channel (personal chats are not listed as conversations). Per person: the
-- first and last event, so that a period's distinct people is counted from the people table, looking into the
-- events (through the person index) only for those active both inside and outside the period.
CREATE TABLE engagement_days (
    platform   TEXT    NOT NULL,
    tenant_id  TEXT    NOT NULL,
    day        TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    persona_id TEXT    NOT NULL,
    events     INTEGER NOT NULL,
    correct    INTEGER NOT NULL,
    PRIMARY KEY (platform, tenant_id, day, kind, persona_id)
) WITHOUT ROWID;

CREATE TABLE engagement_day_people (
    platform  TEXT    NOT NULL,
    tenant_id TEXT    NOT NULL,
    day       TEXT    NOT NULL,
    people    INTEGER NOT NULL,
    PRIMARY KEY (platform, tenant_id, day)
) WITHOUT ROWID;

CREATE TABLE engagement_conversation_days (
    platform        TEXT    NOT NULL,
    tenant_id       TEXT    NOT NULL,
    day             TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    events          INTEGER NOT NULL,
    PRIMARY KEY (platform, tenant_id, day, conversation_id)
) WITHOUT ROWID;

CREATE TABLE engagement_people (
    platform  TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    person    TEXT NOT NULL,
    first_at  TEXT NOT NULL,
    last_at   TEXT NOT NULL,
    PRIMARY KEY (platform, tenant_id, person)
) WITHOUT ROWID;

CREATE INDEX ix_engagement_events_org_person_time ON engagement_events (platform, tenant_id, person, occurred_at);

-- The events recorded before this migration, summarised the way the inserts will go on doing it.
INSERT INTO engagement_days (platform, tenant_id, day, kind, persona_id, events, correct)
SELECT platform, tenant_id, substr(occurred_at, 1, 10), kind, COALESCE(persona_id, ''), COUNT(*), SUM(CASE WHEN value >= 1 THEN 1 ELSE 0 END)
FROM engagement_events GROUP BY platform, tenant_id, substr(occurred_at, 1, 10), kind, COALESCE(persona_id, '');

INSERT INTO engagement_day_people (platform, tenant_id, day, people)
SELECT platform, tenant_id, substr(occurred_at, 1, 10), COUNT(DISTINCT person)
FROM engagement_events WHERE person IS NOT NULL GROUP BY platform, tenant_id, substr(occurred_at, 1, 10);

INSERT INTO engagement_conversation_days (platform, tenant_id, day, conversation_id, events)
SELECT platform, tenant_id, substr(occurred_at, 1, 10), conversation_id, COUNT(*)
FROM engagement_events
WHERE NOT (substr(conversation_id, 1, 2) = 'a:' OR substr(conversation_id, 1, 5) = 'user:' OR (platform = 'slack' AND substr(conversation_id, 1, 1) = 'D'))
GROUP BY platform, tenant_id, substr(occurred_at, 1, 10), conversation_id;

INSERT INTO engagement_people (platform, tenant_id, person, first_at, last_at)
SELECT platform, tenant_id, person, MIN(occurred_at), MAX(occurred_at)
FROM engagement_events WHERE person IS NOT NULL GROUP BY platform, tenant_id, person;
