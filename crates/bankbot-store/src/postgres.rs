//! The PostgreSQL backend, for several `bankbot serve` instances sharing one database:
//! claims lock the rows they take with `FOR UPDATE SKIP LOCKED`, so per-user order holds
//! across instances, and each audit append locks the chain's head row from its guarded
//! insert to its commit (`backend/audit_append.rs`).
//!
//! The schema lives in the connection's `search_path`; to use a dedicated schema, add
//! `?options=-c search_path%3Dmy_schema` to the URL.

use sqlx::Postgres;
use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

use crate::backend::at_rest::{keyed_migration_applied, secure_at_rest};
use crate::backend::audit_append::HeadHint;
use crate::backend::conn::Connections;
use crate::backend::seam::SqlStore;
use crate::backend::sql::claim_sql;
use crate::{EncryptionKey, StoreResult};

/// Connections in the pool.
const MAX_CONNECTIONS: u32 = 8;
/// How long a caller waits for a connection before the call fails as
/// [`StoreError::Unavailable`](crate::StoreError::Unavailable). Short, so that while the
/// database is down a webhook answers 5xx well inside Meta's timeout (Meta redelivers)
/// and the loops back off, instead of every call hanging for sqlx's default 30 s.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);
/// Prepared statements each connection keeps: the batch statements come in one text per
/// batch size (see `sqlite.rs`), and on PostgreSQL a text not in the cache costs a round
/// trip to prepare it before it runs.
const STATEMENT_CACHE: usize = 2048;

/// A store in a PostgreSQL database (`postgres://user@host/db`).
#[derive(Debug)]
pub struct PgStore {
    pool: Connections<Postgres>,
    key: EncryptionKey,
    audit_head: HeadHint,
}

impl PgStore {
    /// Connects and applies the embedded migrations.
    pub async fn open(url: &str, key: EncryptionKey) -> StoreResult<Self> {
        // sqlx also pings each connection when it is handed back, so one used while the
        // server restarted fails its call (`Unavailable`, retried by the caller) and its
        // ping on release, and is replaced.
        let pool = crate::idle_ping::ping_when_idle(PgPoolOptions::new())
            .max_connections(MAX_CONNECTIONS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(
                PgConnectOptions::from_str(url)
                    .map_err(crate::StoreError::Database)?
                    .statement_cache_capacity(STATEMENT_CACHE),
            )
            .await?;
        let applied_before = keyed_migration_applied::<Postgres>(&mut *pool.acquire().await?).await;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        secure_at_rest::<Postgres>(&mut *pool.acquire().await?, &key, !applied_before).await?;
        tracing::debug!("postgres store open");
        Ok(PgStore {
            pool: Connections::Pool(pool),
            key,
            audit_head: HeadHint::default(),
        })
    }
}

impl SqlStore for PgStore {
    type Db = sqlx::Postgres;
    const BACKEND: crate::Backend = crate::Backend::Postgres;
    const CLAIM_INBOX: &'static str = claim_sql!(
        "inbox",
        "seq",
        "(j.event_at, j.seq) < (i.event_at, i.seq)",
        "processing",
        "seq, event_id, user_id, payload, received_at, attempts, fence",
        "FOR UPDATE SKIP LOCKED"
    );
    const CLAIM_OUTBOX: &'static str = claim_sql!(
        "outbox",
        "id",
        "j.id < i.id",
        "sending",
        "id, user_id, messaging_type, payload, sealed, created_at, attempts, fence",
        "FOR UPDATE SKIP LOCKED"
    );

    fn writer(&self) -> &Connections<Postgres> {
        &self.pool
    }

    fn reader(&self) -> &Connections<Postgres> {
        &self.pool
    }

    fn key(&self) -> &EncryptionKey {
        &self.key
    }

    fn audit_head(&self) -> &HeadHint {
        &self.audit_head
    }
}
