//! Store throughput on SQLite, the hot path of one webhook event: insert (own batch),
//! claim + complete with one reply, claim the reply + mark it sent. Ignored by default:
//!
//! ```sh
//! cargo test --release -p bankbot-store --test throughput -- --ignored --nocapture
//! ```
//!
//! Medians of 3 runs on the 2-core development machine while other builds ran (load ~10),
//! 4,000 events, 200 users, 8 tasks. One call per event (`complete_event`, `mark_sent`):
//! insert 6,100 events/s, claim+complete 2,000–2,300/s, send 3,800–5,400/s, the three
//! phases in series ≈1,100–1,260 events/s. Batched (`claim_events(8)` → `complete_events`,
//! `claim_due(64)` → `mark_sent_many`): insert ≈5,100/s, claim+complete ≈8,300/s,
//! send ≈41,600/s, in series ≈3,000 events/s.

use std::sync::Arc;
use std::time::Instant;

use bankbot_core::UserId;
use bankbot_store::{
    AuditEntry, Completion, EncryptionKey, NewInboxEvent, OutboxMessage, Store, connect,
};
use chrono::Utc;

const EVENTS: usize = 4000;
const USERS: usize = 200;
const TASKS: usize = 8;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "measurement; run on demand with --release"]
async fn sqlite_event_pipeline_throughput() {
    for batched in [false, true] {
        for run in 1..=3 {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("t.db").display());
            let store = connect(&url, EncryptionKey::generate())
                .await
                .expect("open");
            let (insert, process, send) = pipeline(store.clone(), batched).await;
            println!(
                "batched={batched} run {run}: insert {insert:.0} events/s, claim+complete \
                 {process:.0} events/s, claim+send {send:.0} replies/s, whole {:.0} events/s",
                1.0 / (1.0 / insert + 1.0 / process + 1.0 / send)
            );
            store.close().await;
        }
    }
}

async fn pipeline(store: Arc<dyn Store>, batched: bool) -> (f64, f64, f64) {
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|t| {
            let store = store.clone();
            tokio::spawn(async move {
                for n in (t..EVENTS).step_by(TASKS) {
                    let event = NewInboxEvent {
                        event_id: format!("mid.{n}"),
                        user: UserId::new(format!("psid-{}", n % USERS)),
                        payload: r#"{"message":{"text":"what's my balance"}}"#.into(),
                        received_at: Utc::now(),
                        sent_at: None,
                    };
                    store.insert_events(&[event]).await.expect("insert");
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("insert task");
    }
    let insert = EVENTS as f64 / started.elapsed().as_secs_f64();

    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                loop {
                    let claimed = store.claim_events(Utc::now(), 8).await.expect("claim");
                    if claimed.is_empty() {
                        break;
                    }
                    let done: Vec<_> = claimed
                        .into_iter()
                        .map(|e| Completion {
                            replies: vec![OutboxMessage::new(
                                e.user,
                                bankbot_core::OutboxLabel::Response,
                                "{}",
                            )],
                            event_id: e.event_id,
                            fence: e.fence,
                            session: None,
                            audit: Vec::new(),
                        })
                        .collect();
                    if batched {
                        store
                            .complete_events(done, Utc::now())
                            .await
                            .expect("complete");
                        continue;
                    }
                    for c in done {
                        store
                            .complete_event(&c.event_id, c.fence, c.replies, Utc::now())
                            .await
                            .expect("complete");
                    }
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("worker task");
    }
    let process = EVENTS as f64 / started.elapsed().as_secs_f64();

    let started = Instant::now();
    let mut sent = 0;
    while sent < EVENTS {
        let due = store.claim_due(Utc::now(), 64).await.expect("claim due");
        assert!(!due.is_empty(), "replies missing");
        sent += due.len();
        if batched {
            let claims: Vec<_> = due.iter().map(|m| m.claim()).collect();
            store.mark_sent_many(&claims).await.expect("sent");
            continue;
        }
        for m in due {
            store.mark_sent(m.claim()).await.expect("sent");
        }
    }
    let send = EVENTS as f64 / started.elapsed().as_secs_f64();
    (insert, process, send)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "measurement; run on demand with --release"]
async fn sqlite_round_trip_cost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
    use std::str::FromStr;
    let options = SqliteConnectOptions::from_str(&url)
        .expect("url")
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal);
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .expect("open");
    sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)")
        .execute(&pool)
        .await
        .expect("t");
    let n = 5000;
    let started = Instant::now();
    for _ in 0..n {
        sqlx::query("SELECT 1")
            .execute(&pool)
            .await
            .expect("select");
    }
    println!(
        "select: {:.1} us",
        started.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    let started = Instant::now();
    for i in 0..n {
        sqlx::query("INSERT INTO t (v) VALUES ($1)")
            .bind(i)
            .execute(&pool)
            .await
            .expect("insert");
    }
    println!(
        "autocommit insert: {:.1} us",
        started.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    let started = Instant::now();
    for i in 0..n {
        let mut tx = pool.begin().await.expect("begin");
        sqlx::query("INSERT INTO t (v) VALUES ($1)")
            .bind(i)
            .execute(&mut *tx)
            .await
            .expect("insert");
        tx.commit().await.expect("commit");
    }
    println!(
        "tx insert: {:.1} us",
        started.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}

/// Claim + complete with one data-shown audit entry per event, the audit appended per turn
/// (its own transaction, as before the batch append) or with the batch completion (one
/// chained append per batch, in the completion's transaction). SQLite always, PostgreSQL
/// when `BANKBOT_TEST_DATABASE_URL` is set (fresh schema per run):
///
/// ```sh
/// BANKBOT_TEST_DATABASE_URL=postgres://root@127.0.0.1/test \
/// cargo test --release -p bankbot-store --test throughput audit -- --ignored --nocapture
/// ```
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "measurement; run on demand with --release"]
async fn audit_per_turn_vs_per_batch() {
    let pg = std::env::var("BANKBOT_TEST_DATABASE_URL").ok();
    for backend in ["sqlite", "postgres"] {
        if backend == "postgres" && pg.is_none() {
            continue;
        }
        for per_batch in [false, true] {
            let mut rates = Vec::new();
            for _ in 1..=3 {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = match (backend, &pg) {
                    ("postgres", Some(base)) => {
                        let schema = format!("audit_tp_{:08x}", rand::random::<u32>());
                        let admin = sqlx::PgPool::connect(base).await.expect("pg");
                        sqlx::query(&format!("CREATE SCHEMA {schema}"))
                            .execute(&admin)
                            .await
                            .expect("schema");
                        let sep = if base.contains('?') { '&' } else { '?' };
                        format!("{base}{sep}options=-c%20search_path%3D{schema}")
                    }
                    _ => format!("sqlite://{}", dir.path().join("t.db").display()),
                };
                let store = connect(&url, EncryptionKey::generate())
                    .await
                    .expect("open");
                rates.push(audited_completions(store.clone(), per_batch).await);
                let check = store.verify_audit().await.expect("verify");
                assert!(check.is_intact(), "{check:?}");
                assert_eq!(check.checked, EVENTS as u64);
                store.close().await;
            }
            rates.sort_by(f64::total_cmp);
            println!(
                "{backend} audit per {}: claim+complete {:.0} events/s (median of {:?})",
                if per_batch { "batch" } else { "turn" },
                rates[1],
                rates.iter().map(|r| r.round()).collect::<Vec<_>>()
            );
        }
    }
}

async fn audited_completions(store: Arc<dyn Store>, per_batch: bool) -> f64 {
    let events: Vec<NewInboxEvent> = (0..EVENTS)
        .map(|n| NewInboxEvent {
            event_id: format!("mid.{n}"),
            user: UserId::new(format!("psid-{}", n % USERS)),
            payload: r#"{"message":{"text":"what's my balance"}}"#.into(),
            received_at: Utc::now(),
            sent_at: None,
        })
        .collect();
    for chunk in events.chunks(200) {
        store.insert_events(chunk).await.expect("insert");
    }
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                loop {
                    let claimed = store.claim_events(Utc::now(), 8).await.expect("claim");
                    if claimed.is_empty() {
                        let counts = store.inbox_counts().await.expect("counts");
                        if counts.pending == 0 {
                            return;
                        }
                        tokio::task::yield_now().await;
                        continue;
                    }
                    let mut done = Vec::new();
                    for e in claimed {
                        let entry = AuditEntry::data_shown(Utc::now(), &e.user, "balance");
                        let audit = if per_batch {
                            vec![entry]
                        } else {
                            store.append_audit(&entry).await.expect("audit");
                            Vec::new()
                        };
                        done.push(Completion {
                            replies: vec![OutboxMessage::new(
                                e.user,
                                bankbot_core::OutboxLabel::Response,
                                "{}",
                            )],
                            event_id: e.event_id,
                            fence: e.fence,
                            session: None,
                            audit,
                        });
                    }
                    store
                        .complete_events(done, Utc::now())
                        .await
                        .expect("complete");
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("worker task");
    }
    EVENTS as f64 / started.elapsed().as_secs_f64()
}
