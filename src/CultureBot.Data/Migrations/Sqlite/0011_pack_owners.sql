-- Persona packs per organization: the platform and tenant (Teams tenant, Slack workspace) that imported a pack and
-- alone sees it; both empty for the default packs every organization without its own pack in a language shares.
-- The same slug may be used by each organization and by the default. Existing packs become default packs.
-- SQLite cannot change a primary key: the table is rebuilt.
CREATE TABLE persona_packs_by_owner (
    platform     TEXT NOT NULL DEFAULT '',
    tenant_id    TEXT NOT NULL DEFAULT '',
    slug         TEXT NOT NULL,
    organization TEXT NULL,
    language     TEXT NOT NULL,
    version      TEXT NOT NULL,
    source_file  TEXT NOT NULL,
    content      TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    PRIMARY KEY (platform, tenant_id, slug)
);

INSERT INTO persona_packs_by_owner (slug, organization, language, version, source_file, content, imported_at)
SELECT slug, organization, language, version, source_file, content, imported_at FROM persona_packs;

DROP TABLE persona_packs;

ALTER TABLE persona_packs_by_owner RENAME TO persona_packs;
