-- Summaries of the engagement events, kept up to date by every insert (SqlEngagementStore.AddAsync), so that the
-- studio's insights for a year of 10,000 people read a few thousand rows instead of half a million (measured by the
-- LoadBench studio command). Per organization and UTC day: events per kind and persona (and quiz answers right),
-- distinct people, and events per team or channel (personal chats are not listed as conversations). Per person: the
-- first and last event, so that a period's distinct people is counted from the people table, looking into the
-- events (through the person index) only for those active both inside and outside the period.
CREATE TABLE engagement_days (
    platform   text    NOT NULL,
    tenant_id  text    NOT NULL,
    day        text    NOT NULL,
    kind       text    NOT NULL,
    persona_id text    NOT NULL,
    events     integer NOT NULL,
    correct    integer NOT NULL,
    PRIMARY KEY (platform, tenant_id, day, kind, persona_id)
);

CREATE TABLE engagement_day_people (
    platform  text    NOT NULL,
    tenant_id text    NOT NULL,
    day       text    NOT NULL,
    people    integer NOT NULL,
    PRIMARY KEY (platform, tenant_id, day)
);

CREATE TABLE engagement_conversation_days (
    platform        text    NOT NULL,
    tenant_id       text    NOT NULL,
    day             text    NOT NULL,
    conversation_id text    NOT NULL,
    events          integer NOT NULL,
    PRIMARY KEY (platform, tenant_id, day, conversation_id)
);

CREATE TABLE engagement_people (
    platform  text NOT NULL,
    tenant_id text NOT NULL,
    person    text NOT NULL,
    first_at  timestamptz NOT NULL,
    last_at   timestamptz NOT NULL,
    PRIMARY KEY (platform, tenant_id, person)
);

CREATE INDEX ix_engagement_events_org_person_time ON engagement_events (platform, tenant_id, person, occurred_at);

-- The events recorded before this migration, summarised the way the inserts will go on doing it.
INSERT INTO engagement_days (platform, tenant_id, day, kind, persona_id, events, correct)
SELECT platform, tenant_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), kind, COALESCE(persona_id, ''), COUNT(*), SUM(CASE WHEN value >= 1 THEN 1 ELSE 0 END)
FROM engagement_events GROUP BY platform, tenant_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), kind, COALESCE(persona_id, '');

INSERT INTO engagement_day_people (platform, tenant_id, day, people)
SELECT platform, tenant_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), COUNT(DISTINCT person)
FROM engagement_events WHERE person IS NOT NULL GROUP BY platform, tenant_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD');

INSERT INTO engagement_conversation_days (platform, tenant_id, day, conversation_id, events)
SELECT platform, tenant_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), conversation_id, COUNT(*)
FROM engagement_events
WHERE NOT (substr(conversation_id, 1, 2) = 'a:' OR substr(conversation_id, 1, 5) = 'user:' OR (platform = 'slack' AND substr(conversation_id, 1, 1) = 'D'))
GROUP BY platform, tenant_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), conversation_id;

INSERT INTO engagement_people (platform, tenant_id, person, first_at, last_at)
SELECT platform, tenant_id, person, MIN(occurred_at), MAX(occurred_at)
FROM engagement_events WHERE person IS NOT NULL GROUP BY platform, tenant_id, person;
