//! The embedded SQLite backend: one file in WAL mode, one writer connection (SQLite
//! serialises writers anyway; a single one avoids lock contention inside the process) and a
//! few readers. Durability: `synchronous = NORMAL`, so a committed transaction survives a
//! crash of the process (what the webhook acknowledgement relies on); after a power loss
//! the newest transactions may roll back. The file, its `-wal` and `-shm` are mode 0600,
//! and `secure_delete` overwrites deleted content.

use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::backend::at_rest::{keyed_migration_applied, secure_at_rest};
use crate::backend::audit_append::HeadHint;
use crate::backend::seam::SqlStore;
use crate::backend::sql::claim_sql;
use crate::{EncryptionKey, StoreError, StoreResult};

/// Readers besides the single writer.
const READERS: u32 = 4;

/// Prepared statements each connection keeps. The batch statements are written for the
/// batch's size (`user_id IN ($1, …, $n)`, one `VALUES` tuple per reply or audit record),
/// so one statement comes in as many texts as there are batch sizes; with sqlx's default of
/// 100 a loaded bot's texts pushed each other out and SQLite parsed and planned most batch
/// statements again (17 % of the SQLite thread's time; a load of 3,000 linked events ran
/// 494 distinct texts).
const STATEMENT_CACHE: usize = 2048;

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
    audit_head: HeadHint,
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
            .statement_cache_capacity(STATEMENT_CACHE)
            .foreign_keys(true)
            // Deleted or shrunk rows (sent replies, processed events) are overwritten, not
            // left readable in free space.
            .pragma("secure_delete", "ON");
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        if !in_memory {
            prepare_files(options.get_filename())
                .map_err(|e| StoreError::Unavailable(sqlx::Error::Io(e)))?;
        }
        let writer = pool_options()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options.clone())
            .await?;
        let applied_before = keyed_migration_applied(&writer).await;
        sqlx::migrate!("./migrations/sqlite").run(&writer).await?;
        if secure_at_rest(&writer, &key, !applied_before).await? > 0 {
            // The plaintext now lives only in old WAL frames: checkpoint and empty the WAL.
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&writer)
                .await?;
        }
        // An in-memory database exists only on its one connection.
        let reader = if in_memory {
            writer.clone()
        } else {
            pool_options()
                .max_connections(READERS)
                .connect_with(options.read_only(true))
                .await?
        };
        tracing::debug!(in_memory, "sqlite store open");
        Ok(SqliteStore {
            writer,
            reader,
            key,
            audit_head: HeadHint::default(),
        })
    }
}

/// Pool options shared by the writer and the readers. sqlx pings a connection each time a
/// pool hands it out by default; on SQLite that ping is a round trip to the connection's
/// worker thread (two thread hand-offs), as costly as the statement it precedes, and it
/// only checks that the thread still runs. Under load a connection is handed out many
/// times a millisecond, so only one left idle a while is pinged (a dead worker is then
/// replaced by a fresh connection, as before).
fn pool_options() -> SqlitePoolOptions {
    crate::idle_ping::ping_when_idle(SqlitePoolOptions::new())
}

/// Creates the database's directory (0700) and an empty database file (0600) before
/// SQLite does, so the file and its `-wal` and `-shm` companions (SQLite gives them the
/// database file's mode) are the owner's only; files an earlier version left readable by
/// others are restricted.
fn prepare_files(db: &std::path::Path) -> std::io::Result<()> {
    if let Some(dir) = db.parent() {
        crate::files::create_private_dir_all(dir)?;
    }
    match crate::files::private_options()
        .write(true)
        .create_new(true)
        .open(db)
    {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let name = db.as_os_str().to_string_lossy();
    for path in [
        db.to_path_buf(),
        format!("{name}-wal").into(),
        format!("{name}-shm").into(),
    ] {
        crate::files::tighten(&path);
    }
    Ok(())
}

impl SqlStore for SqliteStore {
    type Db = sqlx::Sqlite;
    const BACKEND: crate::Backend = crate::Backend::Sqlite;
    const CLAIM_INBOX: &'static str = claim_sql!(
        "inbox",
        "seq",
        "(j.event_at, j.seq) < (i.event_at, i.seq)",
        "processing",
        "seq, event_id, user_id, payload, received_at, attempts, fence",
        ""
    );
    const CLAIM_OUTBOX: &'static str = claim_sql!(
        "outbox",
        "id",
        "j.id < i.id",
        "sending",
        "id, user_id, messaging_type, payload, sealed, created_at, attempts, fence",
        ""
    );

    fn writer(&self) -> &sqlx::Pool<sqlx::Sqlite> {
        &self.writer
    }

    fn reader(&self) -> &sqlx::Pool<sqlx::Sqlite> {
        &self.reader
    }

    fn key(&self) -> &EncryptionKey {
        &self.key
    }

    fn audit_head(&self) -> &HeadHint {
        &self.audit_head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn pools_ping_only_connections_left_idle() {
        let dir = tempfile::tempdir().expect("dir");
        let url = format!("sqlite://{}", dir.path().join("ping.db").display());
        let store = SqliteStore::open(&url, EncryptionKey::generate())
            .await
            .expect("store");
        for pool in [&store.writer, &store.reader] {
            assert!(!pool.options().get_test_before_acquire());
        }
        // A connection idle past the threshold is pinged, then used.
        tokio::time::sleep(crate::idle_ping::PING_AFTER_IDLE + Duration::from_millis(50)).await;
        let one: i64 = sqlx::query_scalar("SELECT 1")
            .fetch_one(&store.reader)
            .await
            .expect("read");
        assert_eq!(one, 1);
    }
}
