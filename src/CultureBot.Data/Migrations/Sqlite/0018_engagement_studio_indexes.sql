-- The studio's insights read a period of one organization's events, by kind or by conversation (measured by
-- the LoadBench studio command). Indexes that hold the columns each query reads, so that a year of events for
-- 10,000 people is read from the index alone: the period's people, kinds and days; each kind's personas, values and
-- people (personas asked about, quiz accuracy, onboarding funnel, digests); one conversation's period.
DROP INDEX ix_engagement_events_org_time;
CREATE INDEX ix_engagement_events_org_time ON engagement_events (platform, tenant_id, occurred_at, kind, person, conversation_id);
CREATE INDEX ix_engagement_events_org_kind_time ON engagement_events (platform, tenant_id, kind, occurred_at, persona_id, value, person, conversation_id);
CREATE INDEX ix_engagement_events_org_conversation_time ON engagement_events (platform, tenant_id, conversation_id, occurred_at, kind, person);
