-- The audit chain's head (its last record's number and hash) kept in `audit_chain`, so an
-- append is one guarded statement instead of a table lock, a head read and an insert: the
-- writer chains its records to the head it read and inserts them only if the head is still
-- that one (`... WHERE (SELECT head_seq FROM audit_chain WHERE id = 1 FOR UPDATE) = $read`),
-- which waits for a concurrent append to commit and then sees its head, so two appends can
-- never both follow one record. The head is moved by the trigger below, for every insert
-- whoever makes it (an instance of an earlier version still appending under its table lock
-- included), and the trigger refuses records that do not follow the head: no gap, no fork.
ALTER TABLE audit_chain
    ADD COLUMN head_seq BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN head_hash TEXT NOT NULL
        DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';
UPDATE audit_chain SET
    head_seq = COALESCE((SELECT MAX(seq) FROM audit_log), 0),
    head_hash = COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
        '0000000000000000000000000000000000000000000000000000000000000000')
WHERE id = 1;

CREATE FUNCTION audit_log_follows_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_seq_  BIGINT;
    head_hash_ TEXT;
    first_     BIGINT;
    last_      BIGINT;
    n_         BIGINT;
BEGIN
    SELECT MIN(seq), MAX(seq), COUNT(*) INTO first_, last_, n_ FROM appended;
    IF n_ = 0 THEN
        RETURN NULL;
    END IF;
    SELECT head_seq, head_hash INTO head_seq_, head_hash_
        FROM audit_chain WHERE id = 1 FOR UPDATE;
    IF first_ <> head_seq_ + 1 OR last_ - first_ + 1 <> n_
        OR NOT EXISTS (SELECT 1 FROM appended WHERE seq = first_ AND prev_hash = head_hash_)
        OR EXISTS (SELECT 1 FROM appended a JOIN appended b ON b.seq = a.seq + 1
                   WHERE b.prev_hash <> a.hash)
    THEN
        RAISE EXCEPTION 'audit_log: records % to % do not follow the chain''s head %',
            first_, last_, head_seq_;
    END IF;
    UPDATE audit_chain SET head_seq = last_,
        head_hash = (SELECT hash FROM appended WHERE seq = last_)
    WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER audit_log_follows_head AFTER INSERT ON audit_log
    REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_follows_head();
