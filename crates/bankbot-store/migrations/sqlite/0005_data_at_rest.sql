-- Data at rest. Queued replies are sealed with the store key (`sealed`: version || nonce ||
-- AES-256-GCM ciphertext, the user bound as associated data); rows written before this
-- migration keep their JSON in `payload` until the store seals them at start-up, and stay
-- readable meanwhile. New rows leave `payload` empty.
ALTER TABLE outbox ADD COLUMN sealed BLOB;

-- The audit chain becomes keyed (HMAC). Records already there keep the unkeyed rule: their
-- number is the boundary, sealed with the key by the instance that applied this migration.
CREATE TABLE audit_chain (
    id           INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    legacy_until INTEGER NOT NULL,
    seal         TEXT
);
INSERT INTO audit_chain (id, legacy_until) SELECT 1, COALESCE(MAX(seq), 0) FROM audit_log;

-- Housekeeping purges by age.
CREATE INDEX alert_contacts_age ON alert_contacts (last_inbound_at);
CREATE INDEX outbox_dead_age ON outbox (created_at) WHERE state = 'dead';
