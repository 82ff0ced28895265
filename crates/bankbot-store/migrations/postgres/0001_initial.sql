-- bankbot store, PostgreSQL. Instants are microseconds since the Unix epoch (UTC), as in
-- the SQLite backend, so both share their row mapping and conformance suite.

CREATE TABLE links (
    user_id               TEXT PRIMARY KEY,
    customer_ref          TEXT NOT NULL,
    credential            BYTEA NOT NULL, -- version || nonce || AES-256-GCM ciphertext
    linked_at             BIGINT NOT NULL,
    last_authenticated_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    user_id    TEXT PRIMARY KEY,
    doc        TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE inbox (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        TEXT NOT NULL UNIQUE,
    user_id         TEXT NOT NULL,
    payload         TEXT NOT NULL,
    received_at     BIGINT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'processing', 'done', 'failed')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_at      BIGINT,
    last_error      TEXT
);
CREATE INDEX inbox_user ON inbox (user_id);
CREATE INDEX inbox_active ON inbox (user_id, seq) WHERE state IN ('pending', 'processing');
CREATE INDEX inbox_pending ON inbox (seq) WHERE state = 'pending';

CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         TEXT NOT NULL,
    messaging_type  TEXT NOT NULL,
    payload         TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'dead')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_at      BIGINT,
    last_error      TEXT
);
CREATE INDEX outbox_user ON outbox (user_id);
CREATE INDEX outbox_active ON outbox (user_id, id) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending';

CREATE TABLE consents (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id TEXT NOT NULL,
    topic   TEXT NOT NULL,
    granted BOOLEAN NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX consents_user_topic ON consents (user_id, topic, id);

CREATE TABLE audit_log (
    seq       BIGINT PRIMARY KEY,
    at        BIGINT NOT NULL,
    actor     TEXT,
    action    TEXT NOT NULL,
    data_kind TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_actor ON audit_log (actor);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
