//! SQL both backends run unchanged: `$n` placeholders (SQLite accepts them too), integer
//! microsecond instants, `ON CONFLICT` and `RETURNING`. What differs is a constant of each
//! backend's `SqlStore` implementation (`sqlite.rs`, `postgres.rs`).

pub(crate) const PING: &str = "SELECT 1";

pub(crate) const UPSERT_LINK: &str = "INSERT INTO links \
    (user_id, customer_ref, credential, linked_at, last_authenticated_at) \
    VALUES ($1, $2, $3, $4, $4) \
    ON CONFLICT (user_id) DO UPDATE SET customer_ref = excluded.customer_ref, \
    credential = excluded.credential, linked_at = excluded.linked_at, \
    last_authenticated_at = excluded.last_authenticated_at";
pub(crate) const SELECT_LINK: &str = "SELECT user_id, customer_ref, credential, linked_at, \
    last_authenticated_at FROM links WHERE user_id = $1";
pub(crate) const TOUCH_LINK: &str =
    "UPDATE links SET last_authenticated_at = $2 WHERE user_id = $1";
pub(crate) const RENEW_LINK_CREDENTIAL: &str =
    "UPDATE links SET credential = $2 WHERE user_id = $1";
pub(crate) const DELETE_LINK: &str = "DELETE FROM links WHERE user_id = $1";
/// What [`crate::LinkStore::remove_link`] also removes: what was waiting for that link.
pub(crate) const DELETE_LINK_LEFTOVERS: [&str; 2] = [
    "DELETE FROM held_alerts WHERE user_id = $1",
    "DELETE FROM outbox WHERE user_id = $1 AND state = 'dead'",
];

pub(crate) const INSERT_LINK_CODE: &str = "INSERT INTO link_codes \
    (code_hash, token_hash, owner_id, provider_code, created_at, expires_at) \
    VALUES ($1, $2, $3, $4, $5, $6)";
pub(crate) const TAKE_LINK_CODE: &str = "DELETE FROM link_codes WHERE code_hash = $1 \
    RETURNING code_hash, token_hash, owner_id, provider_code, created_at, expires_at";
pub(crate) const PURGE_LINK_CODES: &str = "DELETE FROM link_codes WHERE expires_at <= $1";
/// Codes a user was about to redeem, erased with the rest of their data.
pub(crate) const DELETE_USER_LINK_CODES: &str = "DELETE FROM link_codes WHERE owner_id = $1";

pub(crate) const SELECT_SESSION: &str = "SELECT doc, updated_at, expires_at FROM sessions \
    WHERE user_id = $1 AND expires_at > $2";
pub(crate) const UPSERT_SESSION: &str = "INSERT INTO sessions \
    (user_id, doc, updated_at, expires_at) VALUES ($1, $2, $3, $4) \
    ON CONFLICT (user_id) DO UPDATE SET doc = excluded.doc, \
    updated_at = excluded.updated_at, expires_at = excluded.expires_at";
pub(crate) const DELETE_SESSION: &str = "DELETE FROM sessions WHERE user_id = $1";
pub(crate) const PURGE_SESSIONS: &str = "DELETE FROM sessions WHERE expires_at <= $1";

/// Done events keep their id (for deduplication) but not their payload. Followed by a
/// bound `(event_id, fence)` list and `) RETURNING event_id`: only claims still held.
pub(crate) const COMPLETE_EVENTS_PREFIX: &str = "UPDATE inbox SET state = 'done', \
    payload = '', claimed_at = NULL, last_error = NULL \
    WHERE state = 'processing' AND (event_id, fence) IN (VALUES ";
/// `$1` event id, `$2` fence (as for every finishing statement below), `$3` due, `$4` why.
pub(crate) const RETRY_EVENT: &str = "UPDATE inbox SET state = 'pending', \
    next_attempt_at = $3, last_error = $4, claimed_at = NULL \
    WHERE event_id = $1 AND fence = $2 AND state = 'processing'";
pub(crate) const FAIL_EVENT: &str = "UPDATE inbox SET state = 'failed', last_error = $3, \
    claimed_at = NULL WHERE event_id = $1 AND fence = $2 AND state = 'processing'";
pub(crate) const RECOVER_INBOX: &str = "UPDATE inbox SET state = 'pending', claimed_at = NULL \
    WHERE state = 'processing' AND claimed_at <= $1";
pub(crate) const PURGE_INBOX: &str =
    "DELETE FROM inbox WHERE state IN ('done', 'failed') AND received_at < $1";
pub(crate) const INBOX_COUNTS: &str = "SELECT state, COUNT(*) AS n FROM inbox GROUP BY state";

/// The reply goes in `sealed`; `payload` is only read from rows older than the seal.
pub(crate) const INSERT_OUTBOX: &str = "INSERT INTO outbox \
    (user_id, messaging_type, payload, sealed, created_at, next_attempt_at) \
    VALUES ($1, $2, '', $3, $4, 0) RETURNING id";
/// Rows written before replies were sealed (or by an instance not yet upgraded).
pub(crate) const LEGACY_OUTBOX_PAGE: &str =
    "SELECT id, user_id, payload FROM outbox WHERE sealed IS NULL ORDER BY id LIMIT 200";
pub(crate) const SEAL_OUTBOX_ROW: &str =
    "UPDATE outbox SET sealed = $1, payload = '' WHERE id = $2 AND sealed IS NULL";
/// Dead messages past their revive window.
pub(crate) const PURGE_DEAD_OUTBOX: &str =
    "DELETE FROM outbox WHERE state = 'dead' AND created_at < $1";
pub(crate) const RESCHEDULE_OUTBOX: &str = "UPDATE outbox SET state = 'pending', \
    next_attempt_at = $3, last_error = $4, claimed_at = NULL \
    WHERE id = $1 AND fence = $2 AND state = 'sending'";
pub(crate) const GIVE_UP_OUTBOX: &str = "UPDATE outbox SET state = 'dead', last_error = $3, \
    claimed_at = NULL WHERE id = $1 AND fence = $2 AND state = 'sending'";
/// Followed by a bound `(id, fence)` list and `)`: deletes sent messages still claimed.
pub(crate) const MARK_SENT_PREFIX: &str =
    "DELETE FROM outbox WHERE state = 'sending' AND (id, fence) IN (VALUES ";
pub(crate) const RECOVER_OUTBOX: &str = "UPDATE outbox SET state = 'pending', \
    claimed_at = NULL WHERE state = 'sending' AND claimed_at <= $1";
pub(crate) const REQUEUE_DEAD_OUTBOX: &str = "UPDATE outbox SET state = 'pending', \
    messaging_type = $3, attempts = 0, next_attempt_at = 0, last_error = NULL, claimed_at = NULL \
    WHERE user_id = $1 AND state = 'dead' AND substr(messaging_type, 1, length($2)) = $2 \
    AND created_at >= $4";
/// Users with dead messages [`REQUEUE_DEAD_OUTBOX`] would bring back: `$1` the label
/// prefix, `$2` the creation cutoff; the caller appends the user list (`$3`, …) and `)`.
pub(crate) const USERS_WITH_DEAD_PREFIX: &str = "SELECT DISTINCT user_id FROM outbox \
    WHERE state = 'dead' AND substr(messaging_type, 1, length($1)) = $1 \
    AND created_at >= $2 AND user_id IN (";
pub(crate) const OUTBOX_COUNTS: &str = "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state";

pub(crate) const INSERT_CONSENT: &str =
    "INSERT INTO consents (user_id, topic, granted, at) VALUES ($1, $2, $3, $4)";
pub(crate) const CURRENT_CONSENTS: &str = "SELECT c.topic, c.granted, c.at FROM consents c \
    WHERE c.user_id = $1 AND c.id = (SELECT MAX(d.id) FROM consents d \
    WHERE d.user_id = c.user_id AND d.topic = c.topic) ORDER BY c.topic";
/// [`CURRENT_CONSENTS`] for a list of users, pushed by the caller between the two parts.
pub(crate) const CURRENT_CONSENTS_OF_USERS_PREFIX: &str = "SELECT c.user_id, c.topic, \
    c.granted, c.at FROM consents c WHERE c.user_id IN (";
pub(crate) const CURRENT_CONSENTS_OF_USERS_SUFFIX: &str = ") AND c.id = (SELECT MAX(d.id) \
    FROM consents d WHERE d.user_id = c.user_id AND d.topic = c.topic) \
    ORDER BY c.user_id, c.topic";
pub(crate) const CONSENT_HISTORY: &str =
    "SELECT topic, granted, at FROM consents WHERE user_id = $1 ORDER BY id";

/// The legacy boundary of the chain (see `audit.rs`).
pub(crate) const AUDIT_BOUNDARY: &str = "SELECT legacy_until, seal FROM audit_chain WHERE id = 1";
pub(crate) const SEAL_AUDIT_BOUNDARY: &str =
    "UPDATE audit_chain SET seal = $1 WHERE id = 1 AND legacy_until = $2 AND seal IS NULL";
/// Whether a migration was applied (before running them: did this open apply it?).
pub(crate) const MIGRATION_APPLIED: &str =
    "SELECT COUNT(*) FROM _sqlx_migrations WHERE version = $1";
pub(crate) const AUDIT_PAGE: &str = "SELECT seq, at, actor, action, data_kind, prev_hash, hash \
    FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2";

/// What [`crate::Store::delete_user`] erases, in order.
pub(crate) const DELETE_USER: [&str; 5] = [
    "DELETE FROM links WHERE user_id = $1",
    "DELETE FROM sessions WHERE user_id = $1",
    "DELETE FROM consents WHERE user_id = $1",
    "DELETE FROM inbox WHERE user_id = $1",
    "DELETE FROM outbox WHERE user_id = $1",
];

/// The claim statement shared by inbox and outbox: the first due pending row of each user
/// (in the order `$order`: `i` the candidate, `j` another row) that has no earlier pending
/// row and no row in flight at all, so one user never has two rows in flight even when a
/// row that sorts earlier arrives later. `$1` = now, `$2` = limit. The claim raises the
/// row's `fence` (its claim generation), returned with it. `lock` is appended to the inner
/// select (PostgreSQL: `FOR UPDATE SKIP LOCKED`).
macro_rules! claim_sql {
    ($table:literal, $key:literal, $before:literal, $busy:literal, $cols:literal, $lock:literal) => {
        concat!(
            "UPDATE ",
            $table,
            " SET state = '",
            $busy,
            "', attempts = attempts + 1, fence = fence + 1, ",
            "claimed_at = $1 WHERE state = 'pending' AND ",
            $key,
            " IN (",
            "SELECT i.",
            $key,
            " FROM ",
            $table,
            " i ",
            "WHERE i.state = 'pending' AND i.next_attempt_at <= $1 AND NOT EXISTS (",
            "SELECT 1 FROM ",
            $table,
            " j WHERE j.user_id = i.user_id AND (j.state = '",
            $busy,
            "' OR (j.state = 'pending' AND ",
            $before,
            "))) ",
            "ORDER BY i.",
            $key,
            " LIMIT $2 ",
            $lock,
            ") RETURNING ",
            $cols
        )
    };
}
pub(crate) use claim_sql;

pub(crate) const USERS_FOR_CUSTOMER: &str =
    "SELECT user_id FROM links WHERE customer_ref = $1 ORDER BY user_id";

pub(crate) const UPSERT_CONTACT: &str = "INSERT INTO alert_contacts (user_id, last_inbound_at) \
    VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET \
    last_inbound_at = excluded.last_inbound_at";
pub(crate) const PURGE_CONTACTS: &str = "DELETE FROM alert_contacts WHERE last_inbound_at < $1";
pub(crate) const SELECT_CONTACT: &str =
    "SELECT last_inbound_at FROM alert_contacts WHERE user_id = $1";
pub(crate) const UPSERT_HELD: &str = "INSERT INTO held_alerts \
    (alert_id, user_id, state, payload, due_at, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
    ON CONFLICT (alert_id, user_id) DO UPDATE SET state = excluded.state, \
    payload = excluded.payload, due_at = excluded.due_at";
macro_rules! held_sql {
    ($tail:literal $(,)?) => {
        concat!(
            "SELECT alert_id, user_id, state, payload, due_at, created_at FROM held_alerts ",
            $tail
        )
    };
}
pub(crate) const SELECT_HELD: &str = held_sql!("WHERE alert_id = $1 AND user_id = $2");
pub(crate) const SELECT_HELD_OF_USER: &str =
    held_sql!("WHERE user_id = $1 ORDER BY created_at, alert_id");
/// [`SELECT_HELD_OF_USER`] for a list of users, pushed by the caller between the two parts.
pub(crate) const SELECT_HELD_OF_USERS_PREFIX: &str = held_sql!("WHERE user_id IN (");
pub(crate) const SELECT_HELD_OF_USERS_SUFFIX: &str = ") ORDER BY created_at, alert_id";
pub(crate) const SELECT_DUE_HELD: &str =
    held_sql!("WHERE due_at IS NOT NULL AND due_at <= $1 ORDER BY due_at, alert_id LIMIT $2",);
pub(crate) const DELETE_HELD: &str = "DELETE FROM held_alerts WHERE alert_id = $1 AND user_id = $2";
/// What [`crate::Store::delete_user`] also erases for alerts.
pub(crate) const DELETE_USER_ALERTS: [&str; 2] = [
    "DELETE FROM alert_contacts WHERE user_id = $1",
    "DELETE FROM held_alerts WHERE user_id = $1",
];

/// Remembers an alert id; affects no row when it was already remembered.
pub(crate) const INSERT_ALERT_ID: &str = "INSERT INTO alert_ids (alert_id, received_at) \
    VALUES ($1, $2) ON CONFLICT (alert_id) DO NOTHING";
pub(crate) const PURGE_ALERT_IDS: &str = "DELETE FROM alert_ids WHERE received_at < $1";

/// What waits to be sent to a user: queued replies and held alerts.
pub(crate) const COUNT_USER_PENDING: [&str; 2] = [
    "SELECT COUNT(*) FROM outbox WHERE user_id = $1 AND state IN ('pending', 'sending')",
    "SELECT COUNT(*) FROM held_alerts WHERE user_id = $1",
];
/// The kinds of data shown to a (hashed) user since an instant, each once.
pub(crate) const DATA_KINDS_SHOWN: &str = "SELECT DISTINCT data_kind FROM audit_log \
    WHERE actor = $1 AND action = $2 AND at >= $3 ORDER BY data_kind";
pub(crate) const INSERT_EXPORT_TOKEN: &str = "INSERT INTO export_tokens \
    (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)";
pub(crate) const TAKE_EXPORT_TOKEN: &str =
    "DELETE FROM export_tokens WHERE token_hash = $1 RETURNING user_id, expires_at";
pub(crate) const PURGE_EXPORT_TOKENS: &str = "DELETE FROM export_tokens WHERE expires_at <= $1";
pub(crate) const DELETE_USER_EXPORT_TOKENS: &str = "DELETE FROM export_tokens WHERE user_id = $1";
