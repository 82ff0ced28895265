-- One-time links to a customer's copy of their data ("what do you know about me?"): only
-- the token's SHA-256 is stored, a row is deleted when used, and it expires in minutes.

CREATE TABLE export_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX export_tokens_user ON export_tokens (user_id);
CREATE INDEX export_tokens_expiry ON export_tokens (expires_at);
