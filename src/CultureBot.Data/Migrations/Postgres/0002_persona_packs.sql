-- Persona packs: the YAML as imported (re-read at start), its version (SHA-256 of the text), when.
CREATE TABLE persona_packs (
    slug         text        NOT NULL PRIMARY KEY,
    organization text        NULL,
    language     text        NOT NULL,
    version      text        NOT NULL,
    source_file  text        NOT NULL,
    content      text        NOT NULL,
    imported_at  timestamptz NOT NULL
);
