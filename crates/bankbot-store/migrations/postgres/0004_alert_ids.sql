-- The ids of alerts the bank sent (POST /alerts), remembered for at least 7 days (the
-- hourly housekeeping forgets older ones) so that a replayed or re-sent alert is never
-- delivered twice, even after its inbox rows are gone. Opaque bank ids, nothing else.

CREATE TABLE alert_ids (
    alert_id    TEXT PRIMARY KEY NOT NULL,
    received_at BIGINT NOT NULL
);

CREATE INDEX alert_ids_received ON alert_ids (received_at);
