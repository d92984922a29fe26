-- Every change to a pack is a version: its whole YAML text, who, when and what changed. persona_packs stays the
-- current pack (what the chat reads); its revision is the number of its newest version, the token an editor
-- carries so that a save over someone else's change is refused. A rollback is a new version: history is never rewritten.
ALTER TABLE persona_packs ADD COLUMN revision integer NOT NULL DEFAULT 1;

CREATE TABLE persona_pack_versions (
    platform   text        NOT NULL,
    tenant_id  text        NOT NULL,
    slug       text        NOT NULL,
    number     integer     NOT NULL,
    content    text        NOT NULL,
    author     text        NOT NULL,
    created_at timestamptz NOT NULL,
    summary    text        NOT NULL,
    PRIMARY KEY (platform, tenant_id, slug, number)
);

-- The packs stored before versions were kept are their own first version.
INSERT INTO persona_pack_versions (platform, tenant_id, slug, number, content, author, created_at, summary)
SELECT platform, tenant_id, slug, 1, content, 'import', imported_at, 'imported from ' || source_file FROM persona_packs;
