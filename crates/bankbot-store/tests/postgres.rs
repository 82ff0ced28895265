//! The conformance suite and PostgreSQL-specific checks, each test in a fresh schema of the
//! database named by `BANKBOT_TEST_DATABASE_URL` (dropped at the end). Without the
//! variable the tests say they are skipped, except under `CI=true`, where they fail.

mod support;

use std::sync::Arc;

use bankbot_core::{CustomerRef, UserId};
use bankbot_store::{AuditEntry, EncryptionKey, OutboxMessage, Store, conformance, connect};
use chrono::Utc;
use sqlx::PgPool;

/// A schema of its own for one test.
struct TestSchema {
    admin: PgPool,
    name: String,
    url: String,
}

impl TestSchema {
    async fn create() -> Option<TestSchema> {
        let Ok(base) = std::env::var("BANKBOT_TEST_DATABASE_URL") else {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("BANKBOT_TEST_DATABASE_URL must be set when CI=true");
            }
            println!("skipped: BANKBOT_TEST_DATABASE_URL not set");
            return None;
        };
        let admin = PgPool::connect(&base)
            .await
            .expect("connect to the test database");
        let now = Utc::now().timestamp();
        drop_stale_schemas(&admin, now).await;
        let name = format!("bankbot_test_{now}_{:08x}", rand::random::<u32>());
        sqlx::query(&format!("CREATE SCHEMA {name}"))
            .execute(&admin)
            .await
            .expect("create schema");
        let sep = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{sep}options=-c%20search_path%3D{name}");
        Some(TestSchema { admin, name, url })
    }

    async fn store(&self, key: &EncryptionKey) -> Arc<dyn Store> {
        connect(&self.url, key.clone())
            .await
            .expect("open postgres store")
    }

    async fn drop(self) {
        sqlx::query(&format!("DROP SCHEMA {} CASCADE", self.name))
            .execute(&self.admin)
            .await
            .expect("drop schema");
        self.admin.close().await;
    }
}

/// Removes schemas that crashed runs left behind more than an hour ago.
async fn drop_stale_schemas(admin: &PgPool, now: i64) {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT nspname::text FROM pg_namespace WHERE nspname LIKE 'bankbot_test_%'",
    )
    .fetch_all(admin)
    .await
    .unwrap_or_default();
    for name in names {
        let created = name.split('_').nth(2).and_then(|t| t.parse::<i64>().ok());
        if created.is_some_and(|t| now - t > 3600) {
            let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"))
                .execute(admin)
                .await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conformance_suite_passes_on_postgres() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let store = schema.store(&EncryptionKey::generate()).await;
    conformance::run_all(store.clone()).await;
    store.close().await;
    schema.drop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_the_inbox_safely() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let key = EncryptionKey::generate();
    let stores = [schema.store(&key).await, schema.store(&key).await];
    conformance::concurrent_claims(&stores, 6, 8, 25).await;
    for s in &stores {
        s.close().await;
    }
    schema.drop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_instances_append_to_one_audit_chain() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let key = EncryptionKey::generate();
    let stores = [
        schema.store(&key).await,
        schema.store(&key).await,
        schema.store(&key).await,
    ];
    conformance::concurrent_audit(&stores, 9, 15).await;
    // Again, now that every instance has a head it believes current.
    conformance::concurrent_audit(&stores, 6, 10).await;
    for s in &stores {
        s.close().await;
    }
    schema.drop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_never_both_finish_one_claim() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let key = EncryptionKey::generate();
    let stores = [schema.store(&key).await, schema.store(&key).await];
    conformance::fenced_claims(&stores).await;
    conformance::racing_claims(&stores, 6, 40).await;
    for s in &stores {
        s.close().await;
    }
    schema.drop().await;
}

#[tokio::test]
async fn credential_is_not_stored_in_plaintext() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let store = schema.store(&EncryptionKey::generate()).await;
    let secret = "access-token-PLAINTEXT-MARKER";
    store
        .save_link(
            &UserId::new("psid"),
            &CustomerRef::new("c"),
            secret,
            Utc::now(),
        )
        .await
        .expect("save");
    let raw: Vec<u8> = sqlx::query_scalar(&format!("SELECT credential FROM {}.links", schema.name))
        .fetch_one(&schema.admin)
        .await
        .expect("row");
    let needle = secret.as_bytes();
    assert!(!raw.windows(needle.len()).any(|w| w == needle));
    let text: String =
        sqlx::query_scalar(&format!("SELECT links::text FROM {}.links", schema.name))
            .fetch_one(&schema.admin)
            .await
            .expect("row as text");
    assert!(!text.contains(secret));
    store.close().await;
    schema.drop().await;
}

#[tokio::test]
async fn tampering_with_the_audit_log_is_detected() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let store = schema.store(&EncryptionKey::generate()).await;
    let user = UserId::new("psid-audit");
    for kind in ["balance", "transactions", "spending"] {
        let entry = AuditEntry::data_shown(Utc::now(), &user, kind);
        store.append_audit(&entry).await.expect("append");
    }
    let table = format!("{}.audit_log", schema.name);
    let tamper = format!("UPDATE {table} SET data_kind = 'card' WHERE seq = 2");
    assert!(
        sqlx::query(&tamper).execute(&schema.admin).await.is_err(),
        "append-only"
    );
    sqlx::query(&format!(
        "ALTER TABLE {table} DISABLE TRIGGER audit_log_no_change"
    ))
    .execute(&schema.admin)
    .await
    .expect("disable trigger");
    sqlx::query(&tamper)
        .execute(&schema.admin)
        .await
        .expect("tamper");
    let check = store.verify_audit().await.expect("verify");
    let broken = check.first_broken.expect("tampering detected");
    assert_eq!((broken.seq, broken.reason), (2, "hash_mismatch"));
    store.close().await;
    schema.drop().await;
}

/// Every outbox row as text (all columns), for searching.
async fn outbox_as_text(schema: &TestSchema) -> Vec<String> {
    sqlx::query_scalar(&format!("SELECT o::text FROM {}.outbox o", schema.name))
        .fetch_all(&schema.admin)
        .await
        .expect("rows as text")
}

#[tokio::test]
async fn queued_and_dead_replies_are_never_stored_in_plaintext() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let store = schema.store(&EncryptionKey::generate()).await;
    let user = UserId::new("psid-outbox");
    let reply = serde_json::json!({ "text": support::REPLY_MARKER }).to_string();
    let now = Utc::now();
    store
        .enqueue(
            vec![
                OutboxMessage::new(
                    user.clone(),
                    bankbot_core::OutboxLabel::utility("t", bankbot_core::Lang::En),
                    reply.clone(),
                ),
                OutboxMessage::new(
                    user.clone(),
                    bankbot_core::OutboxLabel::Response,
                    reply.clone(),
                ),
            ],
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
    let rows = outbox_as_text(&schema).await;
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter().all(|r| !r.contains("PLAINTEXT-REPLY-MARKER")),
        "{rows:?}"
    );
    let due = store.claim_due(now, 10).await.expect("claim");
    assert_eq!(due[0].payload, reply);
    store.close().await;
    schema.drop().await;
}

#[tokio::test]
async fn an_upgraded_database_seals_old_replies_and_keeps_its_chain() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let old = PgPool::connect(&schema.url).await.expect("old database");
    let (_migrations, migrator) = support::pre_upgrade_migrator("postgres").await;
    migrator.run(&old).await.expect("old migrations");
    seed_pre_upgrade!(&old, "psid-old");
    old.close().await;
    assert!(
        outbox_as_text(&schema)
            .await
            .iter()
            .all(|r| r.contains("PLAINTEXT-REPLY-MARKER"))
    );

    let key = EncryptionKey::generate();
    let store = schema.store(&key).await;
    let rows = outbox_as_text(&schema).await;
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter().all(|r| !r.contains("PLAINTEXT-REPLY-MARKER")),
        "{rows:?}"
    );
    let due = store.claim_due(Utc::now(), 10).await.expect("claim");
    assert_eq!(due.len(), 1);
    assert!(due[0].payload.contains(support::REPLY_MARKER));

    let check = store.verify_audit().await.expect("verify");
    assert!(check.is_intact(), "{check:?}");
    assert_eq!((check.checked, check.legacy), (3, 3));
    let user = UserId::new("psid-new");
    store
        .append_audit(&AuditEntry::data_shown(Utc::now(), &user, "balance"))
        .await
        .expect("append");
    store.close().await;
    let store = schema.store(&key).await;
    let check = store.verify_audit().await.expect("verify");
    assert!(check.is_intact(), "{check:?}");
    assert_eq!((check.checked, check.legacy), (4, 3));
    sqlx::query(&format!(
        "UPDATE {}.audit_chain SET legacy_until = 4",
        schema.name
    ))
    .execute(&schema.admin)
    .await
    .expect("move");
    let broken = store.verify_audit().await.expect("verify").first_broken;
    assert_eq!(
        broken.map(|b| (b.seq, b.reason)),
        Some((1, "hash_mismatch"))
    );
    store.close().await;
    schema.drop().await;
}

#[tokio::test]
async fn rewriting_the_audit_chain_without_the_key_is_detected() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let store = schema.store(&EncryptionKey::generate()).await;
    let user = UserId::new("psid-rewrite");
    for kind in ["balance", "transactions", "spending"] {
        let entry = AuditEntry::data_shown(Utc::now(), &user, kind);
        store.append_audit(&entry).await.expect("append");
    }
    assert!(store.verify_audit().await.expect("verify").is_intact());
    let pool = PgPool::connect(&schema.url).await.expect("raw connect");
    sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
        .execute(&pool)
        .await
        .expect("disable trigger");
    rewrite_chain!(&pool);
    pool.close().await;
    let broken = store.verify_audit().await.expect("verify").first_broken;
    assert_eq!(
        broken.map(|b| (b.seq, b.reason)),
        Some((1, "hash_mismatch"))
    );
    store.close().await;
    schema.drop().await;
}

/// The privacy page lists [`Kept::ALL`](bankbot_core::Kept): the schema holds exactly those.
#[tokio::test]
async fn the_schema_keeps_exactly_what_the_privacy_page_lists() {
    let Some(schema) = TestSchema::create().await else {
        return;
    };
    let store = schema.store(&EncryptionKey::generate()).await;
    store.close().await;
    let mut tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = $1 AND table_name NOT LIKE '\\_sqlx\\_%' ORDER BY 1",
    )
    .bind(&schema.name)
    .fetch_all(&schema.admin)
    .await
    .expect("tables");
    tables.sort();
    let mut listed: Vec<String> = bankbot_core::Kept::ALL
        .iter()
        .map(|k| k.table().to_owned())
        .collect();
    listed.sort();
    schema.drop().await;
    assert_eq!(tables, listed);
}
