//! The behaviour every backend must show, as async functions that panic on a violation.
//! Backends (and any third-party implementation of [`Store`]) call them from their tests:
//!
//! ```no_run
//! # async fn demo() {
//! let key = bankbot_store::EncryptionKey::generate();
//! let store = bankbot_store::connect("sqlite::memory:", key).await.unwrap();
//! bankbot_store::conformance::run_all(store).await;
//! # }
//! ```
//!
//! Give the suite a store of its own (a fresh file, schema or database): the queue checks
//! claim whatever is pending. It leaves the inbox and outbox empty of pending work, so the
//! functions can also run one after another on one store, in any order.

mod access;
mod alerts;
mod chain_race;
mod concurrency;
mod fencing;
mod kv;
mod link_codes;
mod queues;
mod records;

use std::sync::Arc;

use bankbot_core::UserId;
use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::Store;

pub use access::access;
pub use alerts::{alert_ids, alerts};
pub use chain_race::concurrent_audit;
pub use concurrency::concurrent_claims;
pub use fencing::{fenced_claims, racing_claims, webhook_order};
pub use kv::{links, sessions};
pub use link_codes::link_codes;
pub use queues::{inbox, outbox, purge_dead};
pub use records::{audit, consents, delete_user};

/// Runs every check, one after another.
pub async fn run_all(store: Arc<dyn Store>) {
    links(store.as_ref()).await;
    link_codes(store.as_ref()).await;
    sessions(store.as_ref()).await;
    inbox(store.as_ref()).await;
    outbox(store.as_ref()).await;
    purge_dead(store.as_ref()).await;
    consents(store.as_ref()).await;
    audit(store.as_ref()).await;
    delete_user(store.as_ref()).await;
    alerts(store.as_ref()).await;
    alert_ids(store.as_ref()).await;
    access(store.as_ref()).await;
    webhook_order(store.as_ref()).await;
    fenced_claims(std::slice::from_ref(&store)).await;
    racing_claims(std::slice::from_ref(&store), 4, 30).await;
    concurrent_claims(std::slice::from_ref(&store), 4, 8, 20).await;
    concurrent_audit(&[store], 4, 10).await;
}

/// A user id no other run uses (so the suite can share a database with earlier runs).
pub(crate) fn user(tag: &str) -> UserId {
    UserId::new(format!("{tag}-{:016x}", rand::random::<u64>()))
}

/// A fixed instant plus `secs` seconds (microsecond-exact round trips are checked).
/// The data kinds of `u`'s audit records, in chain order.
pub(crate) async fn audited_kinds(store: &dyn Store, u: &UserId) -> Vec<String> {
    let hashed = store.hash_user(u);
    let mut kinds = Vec::new();
    let mut after_seq = 0;
    loop {
        let page = store.audit_records(after_seq, 500).await.expect("audit");
        let Some(last) = page.last() else { break };
        after_seq = last.seq;
        kinds.extend(
            page.iter()
                .filter(|r| r.actor.as_deref() == Some(hashed.as_str()))
                .map(|r| r.data_kind.clone().unwrap_or_default()),
        );
    }
    kinds
}

pub(crate) fn at(secs: i64) -> DateTime<Utc> {
    let base = Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).single();
    base.unwrap_or_else(Utc::now) + Duration::seconds(secs) + Duration::microseconds(123_456)
}
