-- Persona packs per organization: the platform and tenant (Teams tenant, Slack workspace) that imported a pack and
-- alone sees it; both empty for the default packs every organization without its own pack in a language shares.
-- The same slug may be used by each organization and by the default. Existing packs become default packs.
ALTER TABLE persona_packs ADD COLUMN platform text NOT NULL DEFAULT '';
ALTER TABLE persona_packs ADD COLUMN tenant_id text NOT NULL DEFAULT '';
ALTER TABLE persona_packs DROP CONSTRAINT persona_packs_pkey;
ALTER TABLE persona_packs ADD PRIMARY KEY (platform, tenant_id, slug);
