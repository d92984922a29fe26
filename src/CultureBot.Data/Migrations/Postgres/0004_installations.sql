-- Workspaces installed through OAuth; the token column holds Data Protection ciphertext, never a token in clear.
CREATE TABLE installations (
    platform     text        NOT NULL,
    tenant_id    text        NOT NULL,
    bot_user_id  text        NULL,
    token        text        NOT NULL,
    installed_at timestamptz NOT NULL,
    PRIMARY KEY (platform, tenant_id)
);

-- ASP.NET Core Data Protection's key ring, so that every instance (and every restart) can read the tokens.
CREATE TABLE data_protection_keys (
    name text NOT NULL PRIMARY KEY,
    xml  text NOT NULL
);
