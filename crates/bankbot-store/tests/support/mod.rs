//! Shared by the SQLite and PostgreSQL tests of data at rest: a database as an earlier
//! version left it (migrations before 0005, replies in plaintext, an unkeyed audit chain),
//! and the unkeyed chain rule such a version (or anyone without the key) computes.

#![allow(dead_code)]

use sha2::{Digest, Sha256};

/// A reply text that must never be found at rest.
pub const REPLY_MARKER: &str = "Your balance is PLAINTEXT-REPLY-MARKER";

/// The unkeyed chain rule of versions before the key: `sha256(prev || canonical)`.
pub fn unkeyed_hash(
    prev: &str,
    seq: i64,
    at: i64,
    actor: Option<&str>,
    action: &str,
    kind: Option<&str>,
) -> String {
    let canonical = serde_json::json!([seq, at, actor, action, kind]).to_string();
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(canonical.as_bytes());
    hex::encode(h.finalize())
}

/// The unkeyed user hash of versions before the key.
pub fn unkeyed_user(id: &str) -> String {
    hex::encode(Sha256::digest(format!("bankbot-user:{id}").as_bytes()))
}

/// A migrator with the migrations an earlier version shipped (before 0005).
pub async fn pre_upgrade_migrator(backend: &str) -> (tempfile::TempDir, sqlx::migrate::Migrator) {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    for entry in std::fs::read_dir(source).expect("migrations") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let version: u32 = name.split('_').next().unwrap().parse().unwrap();
        if version < 5 {
            std::fs::copy(&path, dir.path().join(&name)).expect("copy");
        }
    }
    let migrator = sqlx::migrate::Migrator::new(dir.path())
        .await
        .expect("migrator");
    (dir, migrator)
}

/// What an earlier version left: two replies queued in plaintext (one of them dead) for
/// `user`, and a three-record unkeyed audit chain. `$pool` is a pool of either backend
/// with the pre-upgrade schema.
#[macro_export]
macro_rules! seed_pre_upgrade {
    ($pool:expr, $user:expr) => {{
        let pool = $pool;
        let user: &str = $user;
        let payload = serde_json::json!({ "text": support::REPLY_MARKER }).to_string();
        for state in ["pending", "dead"] {
            sqlx::query(
                "INSERT INTO outbox (user_id, messaging_type, payload, created_at, \
                 next_attempt_at, state) VALUES ($1, 'RESPONSE', $2, 1, 0, $3)",
            )
            .bind(user)
            .bind(payload.clone())
            .bind(state)
            .execute(pool)
            .await
            .expect("legacy outbox row");
        }
        let mut prev = "0".repeat(64);
        let actor = support::unkeyed_user(user);
        for seq in 1..=3_i64 {
            let hash = support::unkeyed_hash(&prev, seq, seq, Some(&actor), "data_shown", Some("balance"));
            sqlx::query(
                "INSERT INTO audit_log (seq, at, actor, action, data_kind, prev_hash, hash) \
                 VALUES ($1, $1, $2, 'data_shown', 'balance', $3, $4)",
            )
            .bind(seq)
            .bind(actor.clone())
            .bind(prev.clone())
            .bind(hash.clone())
            .execute(pool)
            .await
            .expect("legacy audit record");
            prev = hash;
        }
    }};
}

/// Rewrites every record of the chain the way someone without the key would: record 2
/// now says `card`, every hash recomputed with the unkeyed rule.
#[macro_export]
macro_rules! rewrite_chain {
    ($pool:expr) => {{
        let pool = $pool;
        let rows: Vec<(i64, i64, Option<String>, String, Option<String>)> =
            sqlx::query_as("SELECT seq, at, actor, action, data_kind FROM audit_log ORDER BY seq")
                .fetch_all(pool)
                .await
                .expect("records");
        let mut prev = "0".repeat(64);
        for (seq, at, actor, action, kind) in rows {
            let kind = if seq == 2 {
                Some("card".to_owned())
            } else {
                kind
            };
            let hash =
                support::unkeyed_hash(&prev, seq, at, actor.as_deref(), &action, kind.as_deref());
            sqlx::query(
                "UPDATE audit_log SET data_kind = $1, prev_hash = $2, hash = $3 WHERE seq = $4",
            )
            .bind(kind)
            .bind(prev.clone())
            .bind(hash.clone())
            .bind(seq)
            .execute(pool)
            .await
            .expect("rewrite");
            prev = hash;
        }
    }};
}
