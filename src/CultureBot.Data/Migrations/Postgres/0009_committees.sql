-- Customer committees: one per channel, its meetings (the agreed local time and its UTC instant), the reminders
-- around each meeting (due, then sent once), and what collaborators answered (RSVPs, questions for the customers).
CREATE TABLE committees (
    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                  text        NOT NULL,
    platform              text        NOT NULL,
    tenant_id             text        NOT NULL,
    channel_id            text        NOT NULL,
    owner_id              text        NOT NULL,
    owner_name            text        NULL,
    owner_chat            text        NOT NULL,
    language              text        NOT NULL,
    time_zone             text        NOT NULL,
    cadence_months        integer     NOT NULL,
    length_minutes        integer     NOT NULL,
    place                 text        NULL,
    created_at            timestamptz NOT NULL,
    freshness_reminded_at timestamptz NULL,
    UNIQUE (platform, tenant_id, channel_id)
);

CREATE TABLE committee_meetings (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    committee_id   bigint      NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    local_start    text        NOT NULL,
    starts_at      timestamptz NOT NULL,
    length_minutes integer     NOT NULL,
    place          text        NULL,
    status         text        NOT NULL,
    sequence       integer     NOT NULL,
    uid            text        NOT NULL UNIQUE,
    ics_token      text        NOT NULL UNIQUE,
    minutes        text        NULL
);

CREATE INDEX committee_meetings_committee ON committee_meetings (committee_id, starts_at);

CREATE TABLE committee_reminders (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id bigint      NOT NULL REFERENCES committee_meetings (id) ON DELETE CASCADE,
    kind       text        NOT NULL,
    idx        integer     NOT NULL,
    due_at     timestamptz NOT NULL,
    sent_at    timestamptz NULL,
    UNIQUE (meeting_id, kind, idx)
);

CREATE INDEX committee_reminders_due ON committee_reminders (due_at) WHERE sent_at IS NULL;

CREATE TABLE committee_rsvps (
    meeting_id  bigint      NOT NULL REFERENCES committee_meetings (id) ON DELETE CASCADE,
    user_id     text        NOT NULL,
    user_name   text        NULL,
    attending   boolean     NOT NULL,
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
);

CREATE TABLE committee_questions (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id bigint      NOT NULL REFERENCES committee_meetings (id) ON DELETE CASCADE,
    user_id    text        NOT NULL,
    user_name  text        NULL,
    text       text        NOT NULL,
    asked_at   timestamptz NOT NULL
);
