//! The seam between the shared query code and a backend: [`SqlStore`] is what a backend
//! store gives (its sqlx database, its connections, its key and the few statements that
//! differ).
//!
//! The trait implementations in this module's siblings are written once, as blanket
//! implementations for every `S: SqlStore`. Each states, in its `where` clause, what it
//! needs from the database (an executor for `&mut Connection`, the column types it binds
//! and reads, the rows it decodes): Rust does not carry such bounds over from a trait
//! declaration, so they are repeated where they are used rather than gathered here.

use sqlx::Database;
use sqlx::postgres::PgQueryResult;
use sqlx::sqlite::SqliteQueryResult;

use crate::backend::audit_append::HeadHint;
use crate::backend::conn::Connections;
use crate::{Backend, EncryptionKey};

/// A store on one sqlx database.
pub(crate) trait SqlStore: Send + Sync + 'static {
    /// The sqlx database (`sqlx::Sqlite`, `sqlx::Postgres`).
    type Db: Database<QueryResult: RowsAffected>;
    /// What [`crate::Store::backend`] answers.
    const BACKEND: Backend;
    /// The inbox claim (see `sql::claim_sql!`).
    const CLAIM_INBOX: &'static str;
    /// The outbox claim (see `sql::claim_sql!`).
    const CLAIM_OUTBOX: &'static str;

    /// Where writes run (`writer().get().await?` is a connection).
    fn writer(&self) -> &Connections<Self::Db>;
    /// Where reads run (the writer's connections where the backend has one set).
    fn reader(&self) -> &Connections<Self::Db>;
    /// The key data at rest is sealed with.
    fn key(&self) -> &EncryptionKey;
    /// The audit chain's head as this process last knew it (see `audit_append.rs`).
    fn audit_head(&self) -> &HeadHint;
}

/// Rows a statement changed: each backend's query result has the method, sqlx has no
/// trait for it.
pub(crate) trait RowsAffected {
    fn rows_affected(&self) -> u64;
}

impl RowsAffected for SqliteQueryResult {
    fn rows_affected(&self) -> u64 {
        SqliteQueryResult::rows_affected(self)
    }
}

impl RowsAffected for PgQueryResult {
    fn rows_affected(&self) -> u64 {
        PgQueryResult::rows_affected(self)
    }
}
