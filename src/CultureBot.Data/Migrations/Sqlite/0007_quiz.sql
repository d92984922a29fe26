-- The persona quiz: games (team or solo), their rounds, one answer per player and round (the primary key is the
-- fairness rule), the questions each conversation has seen in the current pass, and players who prefer not to be named.
CREATE TABLE quiz_games (
    id              TEXT    PRIMARY KEY,
    platform        TEXT    NOT NULL,
    tenant_id       TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    mode            TEXT    NOT NULL,
    pack_slug       TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    rounds          INTEGER NOT NULL,
    seconds         INTEGER NOT NULL,
    current_round   INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    started_by      TEXT    NULL,
    started_at      TEXT    NOT NULL,
    ended_at        TEXT    NULL
);

-- One running game per conversation.
CREATE UNIQUE INDEX quiz_games_running ON quiz_games (platform, tenant_id, conversation_id) WHERE status = 'running';

CREATE TABLE quiz_rounds (
    game_id     TEXT    NOT NULL REFERENCES quiz_games (id),
    round       INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    opened_at   TEXT    NOT NULL,
    closes_at   TEXT    NOT NULL,
    closed_at   TEXT    NULL,
    message_id  TEXT    NULL,
    PRIMARY KEY (game_id, round)
);

CREATE INDEX quiz_rounds_open ON quiz_rounds (closes_at) WHERE closed_at IS NULL;

CREATE TABLE quiz_answers (
    game_id     TEXT    NOT NULL,
    round       INTEGER NOT NULL,
    player_id   TEXT    NOT NULL,
    player_name TEXT    NULL,
    option      INTEGER NOT NULL,
    correct     INTEGER NOT NULL,
    answered_at TEXT    NOT NULL,
    points      INTEGER NOT NULL,
    PRIMARY KEY (game_id, round, player_id),
    FOREIGN KEY (game_id, round) REFERENCES quiz_rounds (game_id, round)
);

CREATE INDEX quiz_answers_player ON quiz_answers (player_id);

CREATE TABLE quiz_seen (
    platform        TEXT NOT NULL,
    tenant_id       TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    question_id     TEXT NOT NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id, question_id)
);

CREATE TABLE quiz_hidden_players (
    player_id TEXT PRIMARY KEY
);
