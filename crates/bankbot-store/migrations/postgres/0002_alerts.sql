-- Proactive alerts: when each user last wrote (the 24-hour messaging window) and alerts
-- held back (quiet hours, closed window) or waiting for the customer's answer.

CREATE TABLE alert_contacts (
    user_id         TEXT PRIMARY KEY NOT NULL,
    last_inbound_at BIGINT NOT NULL
);

CREATE TABLE held_alerts (
    alert_id   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    state      TEXT NOT NULL,
    payload    TEXT NOT NULL,
    due_at     BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (alert_id, user_id)
);

CREATE INDEX held_alerts_due ON held_alerts (due_at);
CREATE INDEX held_alerts_user ON held_alerts (user_id, state);
CREATE INDEX links_customer ON links (customer_ref);
