-- Fenced claims. Every claim of an inbox event or outbox message raises the row's `fence`
-- (its claim generation) and hands it to the claimer; completing, failing, sending or
-- rescheduling succeeds only with the current generation, so a worker whose claim was
-- taken back (it outlived `claim_timeout_secs`) cannot finish what another now owns.
ALTER TABLE inbox ADD COLUMN fence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN fence INTEGER NOT NULL DEFAULT 0;

-- Per-user order follows the webhook: Meta's timestamp of the event (`event_at`), then
-- arrival (`seq`). Rows from before this migration are ordered by when they arrived.
ALTER TABLE inbox ADD COLUMN event_at INTEGER NOT NULL DEFAULT 0;
UPDATE inbox SET event_at = received_at;
CREATE INDEX inbox_active_order ON inbox (user_id, event_at, seq)
    WHERE state IN ('pending', 'processing');
