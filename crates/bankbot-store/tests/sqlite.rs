//! The conformance suite and SQLite-specific checks on a temporary database file.

use std::sync::Arc;

use bankbot_core::{CustomerRef, UserId};
use bankbot_store::{EncryptionKey, SqliteStore, Store, conformance, connect};
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
