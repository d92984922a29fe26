-- The studio's audit trail: who changed what, when, in which organization (a summary, never the content).
CREATE TABLE studio_audit (
    id        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    platform  TEXT    NOT NULL,
    tenant_id TEXT    NOT NULL,
    at        TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    target    TEXT    NOT NULL,
    summary   TEXT    NOT NULL
);

CREATE INDEX ix_studio_audit_org_time ON studio_audit (platform, tenant_id, at);
