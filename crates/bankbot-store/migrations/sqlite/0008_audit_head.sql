-- The audit chain's head (its last record's number and hash) kept in `audit_chain`, so an
-- append is one guarded statement instead of a head read and an insert: the writer chains
-- its records to the head it last saw and inserts them only if the head is still that one
-- (`... WHERE (SELECT head_seq FROM audit_chain WHERE id = 1) = $read`). The head is moved
-- by the trigger below for every insert, and the trigger refuses a record that does not
-- follow the head: no gap, no fork.
ALTER TABLE audit_chain ADD COLUMN head_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_chain ADD COLUMN head_hash TEXT NOT NULL
    DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';
UPDATE audit_chain SET
    head_seq = COALESCE((SELECT MAX(seq) FROM audit_log), 0),
    head_hash = COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
        '0000000000000000000000000000000000000000000000000000000000000000')
WHERE id = 1;

CREATE TRIGGER audit_log_follows_head AFTER INSERT ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log: a record that does not follow the chain''s head')
    FROM audit_chain
    WHERE id = 1 AND (NEW.seq <> head_seq + 1 OR NEW.prev_hash <> head_hash);
    UPDATE audit_chain SET head_seq = NEW.seq, head_hash = NEW.hash WHERE id = 1;
END;
