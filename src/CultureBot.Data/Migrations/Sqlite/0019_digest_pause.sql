-- A digest subscription can be paused from the studio (kept, with its day and time, but not sent) and resumed.
ALTER TABLE digest_subscriptions ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
