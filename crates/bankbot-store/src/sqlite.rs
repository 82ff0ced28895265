//! The embedded SQLite backend: one file in WAL mode, one writer connection (SQLite
//! serialises writers anyway; a single one avoids lock contention inside the process) and a
//! few readers, held by the store behind async locks rather than pooled (`backend/conn.rs`
//! says why). Durability: `synchronous = NORMAL`, so a committed transaction survives a
//! crash of the process (what the webhook acknowledgement relies on); after a power loss
//! the newest transactions may roll back. The file, its `-wal` and `-shm` are mode 0600,
//! and `secure_delete` overwrites deleted content.

use std::str::FromStr;
use std::time::Duration;

use sqlx::Sqlite;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};

use crate::backend::at_rest::{keyed_migration_applied, secure_at_rest};
use crate::backend::audit_append::HeadHint;
use crate::backend::conn::{Connections, Held};
use crate::backend::seam::SqlStore;
use crate::backend::sql::claim_sql;
use crate::{EncryptionKey, StoreError, StoreResult};

/// Readers besides the single writer.
const READERS: usize = 4;

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
    writer: Connections<Sqlite>,
    /// `None` in memory (the database lives on the writer's connection).
    reader: Option<Connections<Sqlite>>,
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
        let writer = Connections::Held(Held::open(options.clone(), 1).await?);
        {
            let mut conn = writer.get().await?;
            let applied_before = keyed_migration_applied::<Sqlite>(&mut conn).await;
            sqlx::migrate!("./migrations/sqlite")
                .run(&mut *conn)
                .await?;
            if secure_at_rest::<Sqlite>(&mut conn, &key, !applied_before).await? > 0 {
                // The plaintext now lives only in old WAL frames: checkpoint and empty the WAL.
                sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                    .execute(&mut *conn)
                    .await?;
            }
        }
        // An in-memory database exists only on its one connection: reads go to the writer.
        let reader = if in_memory {
            None
        } else {
            Some(Connections::Held(
                Held::open(options.read_only(true), READERS).await?,
            ))
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

    fn writer(&self) -> &Connections<Sqlite> {
        &self.writer
    }

    fn reader(&self) -> &Connections<Sqlite> {
        self.reader.as_ref().unwrap_or(&self.writer)
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
    async fn held_connections_left_idle_are_pinged_then_used() {
        let dir = tempfile::tempdir().expect("dir");
        let url = format!("sqlite://{}", dir.path().join("ping.db").display());
        let store = SqliteStore::open(&url, EncryptionKey::generate())
            .await
            .expect("store");
        // A connection idle past the threshold is pinged, then used.
        tokio::time::sleep(crate::idle_ping::PING_AFTER_IDLE + Duration::from_millis(50)).await;
        for connections in [store.writer(), store.reader()] {
            let one: i64 = sqlx::query_scalar("SELECT 1")
                .fetch_one(&mut *connections.get().await.expect("connection"))
                .await
                .expect("read");
            assert_eq!(one, 1);
        }
    }

    #[tokio::test]
    async fn a_transaction_dropped_unfinished_leaves_the_held_writer_usable() {
        let store = SqliteStore::open("sqlite::memory:", EncryptionKey::generate())
            .await
            .expect("store");
        {
            let mut conn = store.writer().get().await.expect("connection");
            let mut tx = conn.begin().await.expect("begin");
            sqlx::query("CREATE TABLE dropped (n INTEGER)")
                .execute(&mut *tx)
                .await
                .expect("create");
            // Dropped without commit: rolled back.
        }
        let mut conn = store.writer().get().await.expect("connection");
        let mut tx = conn.begin().await.expect("a new transaction");
        let tables: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'dropped'")
                .fetch_one(&mut *tx)
                .await
                .expect("count");
        assert_eq!(tables, 0, "the dropped transaction was rolled back");
        tx.commit().await.expect("commit");
    }

    #[tokio::test]
    async fn a_closed_store_answers_unavailable() {
        let store = SqliteStore::open("sqlite::memory:", EncryptionKey::generate())
            .await
            .expect("store");
        store.writer().close().await;
        assert!(matches!(
            store.writer().get().await,
            Err(StoreError::Unavailable(_))
        ));
    }
}
