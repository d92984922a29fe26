-- The studio's audit trail: who changed what, when, in which organization (a summary, never the content).
CREATE TABLE studio_audit (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform  text        NOT NULL,
    tenant_id text        NOT NULL,
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    action    text        NOT NULL,
    target    text        NOT NULL,
    summary   text        NOT NULL
);

CREATE INDEX ix_studio_audit_org_time ON studio_audit (platform, tenant_id, at);
