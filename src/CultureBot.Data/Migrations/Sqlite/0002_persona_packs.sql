-- Persona packs: the YAML as imported (re-read at start), its version (SHA-256 of the text), when.
CREATE TABLE persona_packs (
    slug         TEXT NOT NULL PRIMARY KEY,
    organization TEXT NULL,
    language     TEXT NOT NULL,
    version      TEXT NOT NULL,
    source_file  TEXT NOT NULL,
    content      TEXT NOT NULL,
    imported_at  TEXT NOT NULL
);
