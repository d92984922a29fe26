-- The durable work queue: inbound platform events waiting for the worker, and later the outbox.
-- An item is claimed by setting locked_until (its lease); a dead worker's item comes back when the lease ends.
CREATE TABLE work_items (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue        text        NOT NULL,
    payload      text        NOT NULL,
    due_at       timestamptz NOT NULL,
    locked_until timestamptz NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text        NULL,
    failed_at    timestamptz NULL,
    created_at   timestamptz NOT NULL
);

CREATE INDEX ix_work_items_due ON work_items (queue, due_at) WHERE failed_at IS NULL;
