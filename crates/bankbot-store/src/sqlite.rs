//! The embedded SQLite backend: one file in WAL mode, one writer connection (SQLite
//! serialises writers anyway; a single one avoids lock contention inside the process) and a
//! few readers. Durability: `synchronous = NORMAL`, so a committed transaction survives a
//! crash of the process (what the webhook acknowledgement relies on); after a power loss
//! the newest transactions may roll back.

use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::backend::{
    impl_alerts, impl_link_codes, impl_links_and_sessions, impl_queues, impl_records,
};
use crate::{EncryptionKey, StoreError, StoreResult};

/// Readers besides the single writer.
const READERS: u32 = 4;

mod dialect {
    use crate::backend::sql::claim_sql;

    pub(super) const BACKEND: crate::Backend = crate::Backend::Sqlite;
    /// Appends are serialised by the single writer connection.
    pub(super) const AUDIT_LOCK: Option<&str> = None;
    pub(super) const CLAIM_INBOX: &str = claim_sql!(
        "inbox",
        "seq",
        "processing",
        "seq, event_id, user_id, payload, received_at, attempts",
        ""
    );
    pub(super) const CLAIM_OUTBOX: &str = claim_sql!(
        "outbox",
        "id",
        "sending",
        "id, user_id, messaging_type, payload, created_at, attempts",
        ""
    );
}

/// A store in one SQLite file (`sqlite://path/to/file.db`, created with its directories if
/// missing) or in memory (`sqlite::memory:`).
///
/// WAL mode with `synchronous = NORMAL`: a committed write survives a crash of the process
/// (what acknowledging a webhook relies on); after a power loss or kernel crash the newest
/// transactions may be lost. One writer connection and four readers.
#[derive(Debug)]
pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
    key: EncryptionKey,
}

impl SqliteStore {
    /// Opens (creating if needed) the database and applies the embedded migrations.
    pub async fn open(url: &str, key: EncryptionKey) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(StoreError::Database)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true);
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        if !in_memory {
            if let Some(dir) = options.get_filename().parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| StoreError::Unavailable(sqlx::Error::Io(e)))?;
                }
            }
        }
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&writer).await?;
        // An in-memory database exists only on its one connection.
        let reader = if in_memory {
            writer.clone()
        } else {
            SqlitePoolOptions::new()
                .max_connections(READERS)
                .connect_with(options.read_only(true))
                .await?
        };
        tracing::debug!(in_memory, "sqlite store open");
        Ok(SqliteStore {
            writer,
            reader,
            key,
        })
    }

    fn writer(&self) -> &SqlitePool {
        &self.writer
    }

    fn reader(&self) -> &SqlitePool {
        &self.reader
    }

    fn key(&self) -> &EncryptionKey {
        &self.key
    }
}

impl_links_and_sessions!(SqliteStore, sqlx::Sqlite);
impl_queues!(SqliteStore, sqlx::Sqlite, dialect);
impl_records!(SqliteStore, sqlx::Sqlite, dialect);
impl_alerts!(SqliteStore, sqlx::Sqlite);
impl_link_codes!(SqliteStore);
