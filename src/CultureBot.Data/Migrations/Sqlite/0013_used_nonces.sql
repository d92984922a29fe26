-- Nonces already used (Slack OAuth states): a replayed callback finds its nonce here and is refused. Rows are
-- deleted once expired, when the state they sealed could no longer be accepted anyway.
CREATE TABLE used_nonces (
    nonce      TEXT NOT NULL PRIMARY KEY,
    expires_at TEXT NOT NULL
);

CREATE INDEX ix_used_nonces_expires_at ON used_nonces (expires_at);
