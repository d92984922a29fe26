-- Workspaces installed through OAuth; the token column holds Data Protection ciphertext, never a token in clear.
CREATE TABLE installations (
    platform     TEXT NOT NULL,
    tenant_id    TEXT NOT NULL,
    bot_user_id  TEXT NULL,
    token        TEXT NOT NULL,
    installed_at TEXT NOT NULL,
    PRIMARY KEY (platform, tenant_id)
);

-- ASP.NET Core Data Protection's key ring, so that every instance (and every restart) can read the tokens.
CREATE TABLE data_protection_keys (
    name TEXT NOT NULL PRIMARY KEY,
    xml  TEXT NOT NULL
);
