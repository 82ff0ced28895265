-- bankbot store, SQLite. Instants are microseconds since the Unix epoch (UTC).

CREATE TABLE links (
    user_id               TEXT PRIMARY KEY NOT NULL,
    customer_ref          TEXT NOT NULL,
    credential            BLOB NOT NULL, -- version || nonce || AES-256-GCM ciphertext
    linked_at             INTEGER NOT NULL,
    last_authenticated_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    user_id    TEXT PRIMARY KEY NOT NULL,
    doc        TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE inbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id        TEXT NOT NULL UNIQUE,
    user_id         TEXT NOT NULL,
    payload         TEXT NOT NULL,
    received_at     INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'processing', 'done', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_at      INTEGER,
    last_error      TEXT
);
CREATE INDEX inbox_user ON inbox (user_id);
CREATE INDEX inbox_active ON inbox (user_id, seq) WHERE state IN ('pending', 'processing');
CREATE INDEX inbox_pending ON inbox (seq) WHERE state = 'pending';

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         TEXT NOT NULL,
    messaging_type  TEXT NOT NULL,
    payload         TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_at      INTEGER,
    last_error      TEXT
);
CREATE INDEX outbox_user ON outbox (user_id);
CREATE INDEX outbox_active ON outbox (user_id, id) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending';

CREATE TABLE consents (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    topic   TEXT NOT NULL,
    granted BOOLEAN NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX consents_user_topic ON consents (user_id, topic, id);

CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY NOT NULL,
    at        INTEGER NOT NULL,
    actor     TEXT,
    action    TEXT NOT NULL,
    data_kind TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_actor ON audit_log (actor);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
