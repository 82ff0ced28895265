-- Login codes behind Messenger's account link: minted by the /link page for one
-- account_linking_token (and, when known, the Messenger user it belongs to), redeemed once
-- by the account_linking webhook. The bank's own code is sealed with the store key.

CREATE TABLE link_codes (
    code_hash     TEXT PRIMARY KEY NOT NULL,
    token_hash    TEXT NOT NULL,
    owner_id      TEXT,
    provider_code BLOB NOT NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
);

CREATE INDEX link_codes_expiry ON link_codes (expires_at);
