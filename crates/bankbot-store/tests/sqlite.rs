//! The conformance suite and SQLite-specific checks on a temporary database file.

mod support;

use std::sync::Arc;

use bankbot_core::{CustomerRef, UserId};
use bankbot_store::{
    AuditEntry, Completion, EncryptionKey, NewInboxEvent, OutboxMessage, SqliteStore, Store,
    conformance, connect,
};
use chrono::Utc;

async fn temp_store() -> (tempfile::TempDir, String, Arc<dyn Store>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nested/data/bankbot.db");
    let url = format!("sqlite://{}", path.display());
    let store = connect(&url, EncryptionKey::generate())
        .await
        .expect("open sqlite");
    (dir, url, store)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conformance_suite_passes_on_sqlite() {
    let (_dir, _url, store) = temp_store().await;
    conformance::run_all(store.clone()).await;
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_handles_on_one_file_never_both_finish_one_claim() {
    let (_dir, url, store) = temp_store().await;
    let key = EncryptionKey::generate();
    drop(store);
    let stores: [Arc<dyn Store>; 2] = [
        Arc::new(SqliteStore::open(&url, key.clone()).await.expect("open")),
        Arc::new(SqliteStore::open(&url, key).await.expect("open")),
    ];
    conformance::fenced_claims(&stores).await;
    conformance::racing_claims(&stores, 4, 30).await;
}

#[tokio::test]
async fn in_memory_store_works() {
    let store = connect("sqlite::memory:", EncryptionKey::generate())
        .await
        .expect("open");
    conformance::links(store.as_ref()).await;
    conformance::inbox(store.as_ref()).await;
}

#[tokio::test]
async fn unknown_scheme_is_refused_without_echoing_the_url() {
    let err = connect("mysql://user:hunter2@host/db", EncryptionKey::generate()).await;
    let err = err.expect_err("mysql is not supported");
    assert_eq!(err.kind(), "unsupported_url");
    assert!(!err.to_string().contains("hunter2"));
}

#[tokio::test]
async fn credential_is_not_stored_in_plaintext() {
    let (_dir, url, store) = temp_store().await;
    let user = UserId::new("psid-cipher");
    let secret = "access-token-PLAINTEXT-MARKER";
    store
        .save_link(&user, &CustomerRef::new("cust"), secret, Utc::now())
        .await
        .expect("save");
    store.close().await;

    let pool = sqlx::SqlitePool::connect(&url).await.expect("raw connect");
    let blob: Vec<u8> = sqlx::query_scalar("SELECT credential FROM links")
        .fetch_one(&pool)
        .await
        .expect("row");
    let needle = secret.as_bytes();
    assert!(!blob.windows(needle.len()).any(|w| w == needle));
    assert!(
        blob.len() >= 1 + 12 + needle.len() + 16,
        "version, nonce, ciphertext, tag"
    );
    pool.close().await;
    // The whole file (and WAL) too.
    let path = url.trim_start_matches("sqlite://");
    for file in [path.to_string(), format!("{path}-wal")] {
        if let Ok(bytes) = std::fs::read(&file) {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{file}");
        }
    }
}

#[tokio::test]
async fn wrong_key_cannot_read_links() {
    let (_dir, url, store) = temp_store().await;
    let user = UserId::new("psid-key");
    store
        .save_link(&user, &CustomerRef::new("c"), "secret", Utc::now())
        .await
        .expect("save");
    store.close().await;
    let other = SqliteStore::open(&url, EncryptionKey::generate())
        .await
        .expect("reopen");
    let err = bankbot_store::LinkStore::link(&other, &user)
        .await
        .expect_err("wrong key");
    assert_eq!(err.kind(), "decryption");
}

#[tokio::test]
async fn tampering_with_the_audit_log_is_detected() {
    let (_dir, url, store) = temp_store().await;
    let user = UserId::new("psid-audit");
    for kind in ["balance", "transactions", "spending"] {
        let entry = bankbot_store::AuditEntry::data_shown(Utc::now(), &user, kind);
        store.append_audit(&entry).await.expect("append");
    }
    assert!(store.verify_audit().await.expect("verify").is_intact());

    let pool = sqlx::SqlitePool::connect(&url).await.expect("raw connect");
    let refused = sqlx::query("UPDATE audit_log SET data_kind = 'card' WHERE seq = 2")
        .execute(&pool)
        .await;
    assert!(refused.is_err(), "append-only trigger");
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(&pool)
        .await
        .expect("drop");
    sqlx::query("UPDATE audit_log SET data_kind = 'card' WHERE seq = 2")
        .execute(&pool)
        .await
        .expect("tamper");
    pool.close().await;

    let check = store.verify_audit().await.expect("verify");
    let broken = check.first_broken.expect("tampering detected");
    assert_eq!((broken.seq, broken.reason), (2, "hash_mismatch"));
    assert_eq!(check.checked, 1);
}

#[tokio::test]
async fn reopening_keeps_data_and_recovers_claims() {
    let (_dir, url, store) = temp_store().await;
    let key = EncryptionKey::generate();
    drop(store);
    let store = SqliteStore::open(&url, key.clone()).await.expect("open");
    let event = bankbot_store::NewInboxEvent {
        event_id: "mid.1".into(),
        user: UserId::new("psid-crash"),
        payload: "{}".into(),
        received_at: Utc::now(),
        sent_at: None,
    };
    use bankbot_store::Inbox;
    store.insert_events(&[event]).await.expect("insert");
    let claimed = store.claim_next(Utc::now()).await.expect("claim");
    assert!(claimed.is_some());
    drop(store); // "crash" while processing

    let store = SqliteStore::open(&url, key).await.expect("reopen");
    assert_eq!(
        store.recover_processing(Utc::now()).await.expect("recover"),
        1
    );
    let again = store
        .claim_next(Utc::now())
        .await
        .expect("claim")
        .expect("recovered event");
    assert_eq!((again.event_id.as_str(), again.attempts), ("mid.1", 2));
}

/// True when `needle` occurs in the database file or its WAL / shared-memory files.
fn files_contain(url: &str, needle: &str) -> Vec<String> {
    let path = url.trim_start_matches("sqlite://");
    [
        path.to_string(),
        format!("{path}-wal"),
        format!("{path}-shm"),
    ]
    .into_iter()
    .filter(|file| {
        std::fs::read(file)
            .is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
    })
    .collect()
}

/// Every outbox row as stored: (payload column, sealed column).
async fn raw_outbox(url: &str) -> Vec<(String, Option<Vec<u8>>)> {
    let pool = sqlx::SqlitePool::connect(url).await.expect("raw connect");
    let rows = sqlx::query_as("SELECT payload, sealed FROM outbox ORDER BY id")
        .fetch_all(&pool)
        .await
        .expect("rows");
    pool.close().await;
    rows
}

fn mentions(rows: &[(String, Option<Vec<u8>>)], needle: &str) -> bool {
    rows.iter().any(|(payload, sealed)| {
        payload.contains(needle)
            || sealed
                .as_deref()
                .is_some_and(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes()))
    })
}

#[tokio::test]
async fn queued_and_dead_replies_are_never_stored_in_plaintext() {
    let (_dir, url, store) = temp_store().await;
    let user = UserId::new("psid-outbox");
    let reply = serde_json::json!({ "text": support::REPLY_MARKER }).to_string();
    let now = Utc::now();
    // Enqueued directly, then set aside as dead.
    store
        .enqueue(
            vec![OutboxMessage::new(
                user.clone(),
                bankbot_core::OutboxLabel::utility("t", bankbot_core::Lang::En),
                reply.clone(),
            )],
            now,
        )
        .await
        .expect("enqueue");
    let claimed = store.claim_due(now, 10).await.expect("claim");
    assert_eq!(claimed[0].payload, reply, "read back decrypted");
    store
        .give_up(claimed[0].claim(), "utility_template_rejected")
        .await
        .expect("dead");
    // And as a turn's replies (the batched path).
    let event = NewInboxEvent {
        event_id: "mid.outbox".into(),
        user: user.clone(),
        payload: "{}".into(),
        sent_at: None,
        received_at: now,
    };
    store.insert_events(&[event]).await.expect("event");
    let claimed = store.claim_next(now).await.expect("claim").expect("event");
    let completion = Completion {
        event_id: "mid.outbox".into(),
        fence: claimed.fence,
        replies: vec![OutboxMessage::new(
            user.clone(),
            bankbot_core::OutboxLabel::Response,
            reply.clone(),
        )],
        session: None,
        audit: Vec::new(),
    };
    store
        .complete_events(vec![completion], now)
        .await
        .expect("complete");

    let rows = raw_outbox(&url).await;
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|(payload, sealed)| payload.is_empty() && sealed.is_some())
    );
    assert!(!mentions(&rows, "PLAINTEXT-REPLY-MARKER"));
    assert!(files_contain(&url, "PLAINTEXT-REPLY-MARKER").is_empty());
    let due = store.claim_due(now, 10).await.expect("claim");
    assert_eq!(
        due.iter().map(|m| m.payload.as_str()).collect::<Vec<_>>(),
        [reply.as_str()]
    );
    store.close().await;
}

/// A database an earlier version left (plaintext replies, an unkeyed audit chain) opens
/// with its replies sealed and readable and its old records verified with the old rule;
/// new records are keyed, and the boundary cannot be moved.
#[tokio::test]
async fn an_upgraded_database_seals_old_replies_and_keeps_its_chain() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}/bankbot.db", dir.path().display());
    let old = sqlx::SqlitePool::connect_with(
        url.parse::<sqlx::sqlite::SqliteConnectOptions>()
            .unwrap()
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal),
    )
    .await
    .expect("old database");
    let (_migrations, migrator) = support::pre_upgrade_migrator("sqlite").await;
    migrator.run(&old).await.expect("old migrations");
    seed_pre_upgrade!(&old, "psid-old");
    old.close().await;
    assert!(
        !files_contain(&url, "PLAINTEXT-REPLY-MARKER").is_empty(),
        "seeded"
    );

    let key = EncryptionKey::generate();
    let store = connect(&url, key.clone()).await.expect("upgrade");
    let rows = raw_outbox(&url).await;
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|(payload, sealed)| payload.is_empty() && sealed.is_some())
    );
    assert_eq!(
        files_contain(&url, "PLAINTEXT-REPLY-MARKER"),
        Vec::<String>::new()
    );
    let due = store.claim_due(Utc::now(), 10).await.expect("claim");
    assert_eq!(due.len(), 1);
    assert!(due[0].payload.contains(support::REPLY_MARKER));

    let check = store.verify_audit().await.expect("verify");
    assert!(check.is_intact(), "{check:?}");
    assert_eq!((check.checked, check.legacy), (3, 3));
    let user = UserId::new("psid-new");
    let record = store
        .append_audit(&AuditEntry::data_shown(Utc::now(), &user, "balance"))
        .await
        .expect("append");
    assert_eq!(
        record.prev_hash, check.head_hash,
        "the keyed chain continues the old one"
    );
    assert_eq!(
        record.actor.as_deref(),
        Some(store.hash_user(&user).as_str())
    );
    let check = store.verify_audit().await.expect("verify");
    assert!(check.is_intact(), "{check:?}");
    assert_eq!((check.checked, check.legacy), (4, 3));
    store.close().await;

    // Reopening does not move the boundary; moving it by hand voids it.
    let store = connect(&url, key.clone()).await.expect("reopen");
    assert_eq!(store.verify_audit().await.expect("verify").legacy, 3);
    let raw = sqlx::SqlitePool::connect(&url).await.expect("raw");
    sqlx::query("UPDATE audit_chain SET legacy_until = 4")
        .execute(&raw)
        .await
        .expect("move");
    let check = store.verify_audit().await.expect("verify");
    let broken = check.first_broken.expect("boundary moved");
    assert_eq!((broken.seq, broken.reason), (1, "hash_mismatch"));
    raw.close().await;
    store.close().await;
}

/// Someone who can write the database but has no key rewrites a record and recomputes the
/// chain after it (with the only rule they know, plain SHA-256): detected. Before the
/// chain was keyed, such a rewrite verified as intact.
#[tokio::test]
async fn rewriting_the_audit_chain_without_the_key_is_detected() {
    let (_dir, url, store) = temp_store().await;
    let user = UserId::new("psid-rewrite");
    for kind in ["balance", "transactions", "spending"] {
        let entry = AuditEntry::data_shown(Utc::now(), &user, kind);
        store.append_audit(&entry).await.expect("append");
    }
    assert!(store.verify_audit().await.expect("verify").is_intact());

    let pool = sqlx::SqlitePool::connect(&url).await.expect("raw connect");
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(&pool)
        .await
        .expect("drop");
    rewrite_chain!(&pool);
    pool.close().await;

    let check = store.verify_audit().await.expect("verify");
    let broken = check.first_broken.expect("rewrite detected");
    assert_eq!((broken.seq, broken.reason), (1, "hash_mismatch"));
    store.close().await;
}

/// The privacy page and answer list [`Kept::ALL`](bankbot_core::Kept): the schema must
/// hold exactly those tables, so what the customer is told is what the store keeps.
#[tokio::test]
async fn the_schema_keeps_exactly_what_the_privacy_page_lists() {
    let (_dir, url, store) = temp_store().await;
    store.close().await;
    let pool = sqlx::SqlitePool::connect(&url).await.expect("raw open");
    let mut tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx_%' ORDER BY name",
    )
    .fetch_all(&pool)
    .await
    .expect("tables");
    pool.close().await;
    tables.sort();
    let mut listed: Vec<String> = bankbot_core::Kept::ALL
        .iter()
        .map(|k| k.table().to_owned())
        .collect();
    listed.sort();
    assert_eq!(tables, listed);
}

/// A label written by another version (or by hand) comes back as a named error on its
/// message, not a panic and not a failed claim: the sender decides what to do with it.
#[tokio::test]
async fn an_unknown_stored_label_is_a_clear_error() {
    use bankbot_core::{OutboxLabel, UnknownOutboxLabel};
    let (_dir, url, store) = temp_store().await;
    let user = UserId::new("psid-label");
    store
        .enqueue(
            vec![
                OutboxMessage::new(user.clone(), OutboxLabel::Response, "{}"),
                OutboxMessage::new(UserId::new("psid-other"), OutboxLabel::Update, "{}"),
            ],
            Utc::now(),
        )
        .await
        .expect("enqueue");
    let pool = sqlx::SqlitePool::connect(&url).await.expect("raw connect");
    sqlx::query("UPDATE outbox SET messaging_type = 'CONFIRMED_EVENT_UPDATE' WHERE user_id = $1")
        .bind(user.as_str())
        .execute(&pool)
        .await
        .expect("relabel");
    pool.close().await;
    let mut due = store.claim_due(Utc::now(), 10).await.expect("claim");
    due.sort_by_key(|m| m.id);
    let labels: Vec<_> = due.iter().map(|m| m.label.clone()).collect();
    assert_eq!(
        labels,
        vec![
            Err(UnknownOutboxLabel("CONFIRMED_EVENT_UPDATE".to_owned())),
            Ok(OutboxLabel::Update)
        ]
    );
    store.close().await;
}
