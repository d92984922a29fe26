-- Customer committees: one per channel, its meetings (the agreed local time and its UTC instant), the reminders
-- around each meeting (due, then sent once), and what collaborators answered (RSVPs, questions for the customers).
CREATE TABLE committees (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    name                  TEXT    NOT NULL,
    platform              TEXT    NOT NULL,
    tenant_id             TEXT    NOT NULL,
    channel_id            TEXT    NOT NULL,
    owner_id              TEXT    NOT NULL,
    owner_name            TEXT    NULL,
    owner_chat            TEXT    NOT NULL,
    language              TEXT    NOT NULL,
    time_zone             TEXT    NOT NULL,
    cadence_months        INTEGER NOT NULL,
    length_minutes        INTEGER NOT NULL,
    place                 TEXT    NULL,
    created_at            TEXT    NOT NULL,
    freshness_reminded_at TEXT    NULL,
    UNIQUE (platform, tenant_id, channel_id)
);

CREATE TABLE committee_meetings (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    committee_id   INTEGER NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    local_start    TEXT    NOT NULL,
    starts_at      TEXT    NOT NULL,
    length_minutes INTEGER NOT NULL,
    place          TEXT    NULL,
    status         TEXT    NOT NULL,
    sequence       INTEGER NOT NULL,
    uid            TEXT    NOT NULL UNIQUE,
    ics_token      TEXT    NOT NULL UNIQUE,
    minutes        TEXT    NULL
);

CREATE INDEX committee_meetings_committee ON committee_meetings (committee_id, starts_at);

CREATE TABLE committee_reminders (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES committee_meetings (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    idx        INTEGER NOT NULL,
    due_at     TEXT    NOT NULL,
    sent_at    TEXT    NULL,
    UNIQUE (meeting_id, kind, idx)
);

CREATE INDEX committee_reminders_due ON committee_reminders (due_at) WHERE sent_at IS NULL;

CREATE TABLE committee_rsvps (
    meeting_id  INTEGER NOT NULL REFERENCES committee_meetings (id) ON DELETE CASCADE,
    user_id     TEXT    NOT NULL,
    user_name   TEXT    NULL,
    attending   INTEGER NOT NULL,
    answered_at TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
);

CREATE TABLE committee_questions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES committee_meetings (id) ON DELETE CASCADE,
    user_id    TEXT    NOT NULL,
    user_name  TEXT    NULL,
    text       TEXT    NOT NULL,
    asked_at   TEXT    NOT NULL
);
