-- The persona quiz: games (team or solo), their rounds, one answer per player and round (the primary key is the
-- fairness rule), the questions each conversation has seen in the current pass, and players who prefer not to be named.
CREATE TABLE quiz_games (
    id              text        PRIMARY KEY,
    platform        text        NOT NULL,
    tenant_id       text        NOT NULL,
    conversation_id text        NOT NULL,
    mode            text        NOT NULL,
    pack_slug       text        NOT NULL,
    language        text        NOT NULL,
    rounds          integer     NOT NULL,
    seconds         integer     NOT NULL,
    current_round   integer     NOT NULL,
    status          text        NOT NULL,
    started_by      text        NULL,
    started_at      timestamptz NOT NULL,
    ended_at        timestamptz NULL
);

-- One running game per conversation.
CREATE UNIQUE INDEX quiz_games_running ON quiz_games (platform, tenant_id, conversation_id) WHERE status = 'running';

CREATE TABLE quiz_rounds (
    game_id     text        NOT NULL REFERENCES quiz_games (id),
    round       integer     NOT NULL,
    question_id text        NOT NULL,
    opened_at   timestamptz NOT NULL,
    closes_at   timestamptz NOT NULL,
    closed_at   timestamptz NULL,
    message_id  text        NULL,
    PRIMARY KEY (game_id, round)
);

CREATE INDEX quiz_rounds_open ON quiz_rounds (closes_at) WHERE closed_at IS NULL;

CREATE TABLE quiz_answers (
    game_id     text        NOT NULL,
    round       integer     NOT NULL,
    player_id   text        NOT NULL,
    player_name text        NULL,
    option      integer     NOT NULL,
    correct     boolean     NOT NULL,
    answered_at timestamptz NOT NULL,
    points      integer     NOT NULL,
    PRIMARY KEY (game_id, round, player_id),
    FOREIGN KEY (game_id, round) REFERENCES quiz_rounds (game_id, round)
);

CREATE INDEX quiz_answers_player ON quiz_answers (player_id);

CREATE TABLE quiz_seen (
    platform        text NOT NULL,
    tenant_id       text NOT NULL,
    conversation_id text NOT NULL,
    question_id     text NOT NULL,
    PRIMARY KEY (platform, tenant_id, conversation_id, question_id)
);

CREATE TABLE quiz_hidden_players (
    player_id text PRIMARY KEY
);
