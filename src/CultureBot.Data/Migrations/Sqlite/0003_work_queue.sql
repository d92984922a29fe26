-- The durable work queue: inbound platform events waiting for the worker, and later the outbox.
-- An item is claimed by setting locked_until (its lease); a dead worker's item comes back when the lease ends.
CREATE TABLE work_items (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    queue        TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    due_at       TEXT    NOT NULL,
    locked_until TEXT    NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT    NULL,
    failed_at    TEXT    NULL,
    created_at   TEXT    NOT NULL
);

CREATE INDEX ix_work_items_due ON work_items (queue, due_at) WHERE failed_at IS NULL;
