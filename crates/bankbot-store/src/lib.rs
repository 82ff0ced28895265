//! # bankbot-store — what the bot remembers
//!
//! The bot persists no balances and no transactions. It keeps, per Messenger user:
//!
//! - login codes between the `/link` page and the `account_linking` webhook, for minutes
//!   ([`LinkCodeStore`]);
//! - the account link ([`LinkStore`]): customer reference and the bank's credential,
//!   encrypted at rest with AES-256-GCM ([`EncryptionKey`]);
//! - a small conversation context ([`SessionStore`]), an opaque JSON document with expiry;
//! - accepted webhook events until processed ([`Inbox`]): deduplicated by event id, handed
//!   out strictly in order per user and concurrently across users;
//! - replies until delivered ([`Outbox`]), sealed with the store key like credentials, with
//!   retries (messages set aside as dead are purged when their 7-day revive window ends,
//!   [`Outbox::purge_dead`]); [`Inbox::complete_event`] finishes
//!   an event and enqueues its replies in one transaction, so an acknowledged event is
//!   answered exactly once even across a crash ([`Inbox::complete_events`] and
//!   [`Outbox::mark_sent_many`] do the same for batches, about 3× the throughput on SQLite).
//!   Every claim carries a [`Fence`] (the row's claim generation): a worker whose claim
//!   was taken back cannot complete, enqueue, fail or mark anything for that row;
//! - consent decisions with history ([`ConsentStore`]);
//! - for proactive alerts, when each user last wrote (purged once useless,
//!   [`AlertStore::purge_contacts`]), alerts held back, and the bank's alert ids
//!   (remembered for at least 7 days, so an alert is never queued twice) ([`AlertStore`]);
//! - one-time links to a customer's copy of their data, hashed, for minutes
//!   ([`AccessStore`]);
//! - an append-only audit trail without amounts, chained with an HMAC keyed from the
//!   encryption key ([`AuditLog`], [`audit`]).
//!
//! [`Store::delete_user`] erases all of it for one user except the audit trail, which only
//! ever names users through the keyed [`hash_user_id`] and must stay intact to verify.
//! Files the store creates are the owner's only ([`files`]).
//!
//! Two backends implement every trait from the same SQL: embedded SQLite (the default,
//! `sqlite://path`) and PostgreSQL (`postgres://…`) for several instances sharing one
//! database. [`connect`] picks one from the URL; [`conformance`] is the suite both pass.
//! Instants are passed in by the caller (the runtime owns the clock) and stored as
//! microseconds since the Unix epoch.

pub mod audit;
mod backend;
pub mod conformance;
mod crypto;
mod error;
pub mod files;
mod idle_ping;
mod link_code;
mod postgres;
mod queue;
mod sqlite;
mod time;
mod traits;
mod types;

use std::sync::Arc;

pub use audit::{AuditEntry, AuditRecord, AuditVerification, BrokenLink, hash_user_id};
pub use crypto::EncryptionKey;
pub use error::{StoreError, StoreResult};
pub use link_code::{PendingLinkCode, digest};
pub use postgres::PgStore;
pub use queue::{
    Completion, Fence, InboxEvent, InsertOutcome, NewInboxEvent, OutboxClaim, OutboxEntry,
    OutboxMessage, QueueCounts, SessionWrite,
};
pub use sqlite::SqliteStore;
pub use traits::{
    AccessStore, AlertStore, AuditLog, ConsentStore, Inbox, LinkCodeStore, LinkStore, Outbox,
    SessionStore, Store,
};
pub use types::{
    Backend, Consent, DeletionReport, HeldAlert, Link, MAX_LABEL_LEN, SecretString, Session,
};

/// Opens the store a URL names: `sqlite://path/file.db` (created with its directories if
/// missing), `sqlite::memory:`, or `postgres://…` / `postgresql://…`. Migrations are applied.
pub async fn connect(url: &str, key: EncryptionKey) -> StoreResult<Arc<dyn Store>> {
    let scheme = url.split(':').next().unwrap_or_default();
    let store: Arc<dyn Store> = match scheme {
        "sqlite" => Arc::new(SqliteStore::open(url, key).await?),
        "postgres" | "postgresql" => Arc::new(PgStore::open(url, key).await?),
        // Only the scheme: the rest may hold a password.
        other => return Err(StoreError::UnsupportedUrl(other.to_string())),
    };
    tracing::info!(backend = ?store.backend(), "store opened, migrations applied");
    Ok(store)
}
