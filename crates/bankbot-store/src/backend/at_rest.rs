//! What an upgraded database needs once the migrations ran (see migration 0005): the
//! audit chain's legacy boundary sealed with the key, and replies queued in plaintext by an
//! earlier version sealed like new ones.

use sqlx::{ColumnIndex, Connection, Database, Decode, Encode, Executor, IntoArguments, Type};

use crate::backend::seam::RowsAffected;
use crate::backend::sql;
use crate::{EncryptionKey, StoreResult};

/// The migration that made data at rest keyed.
pub(crate) const KEYED_MIGRATION: i64 = 5;

/// Whether the keyed-data migration was already applied (asked before running the
/// migrations: `false` means this open applies it). A database without the
/// migrations table has none applied.
pub(crate) async fn keyed_migration_applied<D: Database>(conn: &mut D::Connection) -> bool
where
    for<'c> &'c mut D::Connection: Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: IntoArguments<'q, D>,
    for<'q> i64: Encode<'q, D> + Decode<'q, D> + Type<D>,
    usize: ColumnIndex<D::Row>,
{
    sqlx::query_scalar::<_, i64>(sql::MIGRATION_APPLIED)
        .bind(KEYED_MIGRATION)
        .fetch_one(conn)
        .await
        .is_ok_and(|n| n > 0)
}

/// After the migrations. `applied_now`: this open applied the keyed-data migration,
/// so the number of records it found is the legacy boundary, sealed here (and only
/// here: a boundary without its seal counts as 0). Then every outbox row still in
/// plaintext is sealed; returns how many.
pub(crate) async fn secure_at_rest<D: Database<QueryResult: RowsAffected>>(
    conn: &mut D::Connection,
    key: &EncryptionKey,
    applied_now: bool,
) -> StoreResult<u64>
where
    for<'c> &'c mut D::Connection: Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: IntoArguments<'q, D>,
    for<'q> String: Encode<'q, D> + Decode<'q, D> + Type<D>,
    for<'q> Option<String>: Decode<'q, D> + Type<D>,
    for<'q> Vec<u8>: Encode<'q, D> + Type<D>,
    for<'q> i64: Encode<'q, D> + Decode<'q, D> + Type<D>,
    usize: ColumnIndex<D::Row>,
{
    if applied_now {
        let row: Option<(i64, Option<String>)> = sqlx::query_as(sql::AUDIT_BOUNDARY)
            .fetch_optional(&mut *conn)
            .await?;
        if let Some((until, None)) = row {
            let chain_key = key.derive(crate::audit::AUDIT_CHAIN_PURPOSE);
            sqlx::query(sql::SEAL_AUDIT_BOUNDARY)
                .bind(crate::audit::boundary_mac(&chain_key, until))
                .bind(until)
                .execute(&mut *conn)
                .await?;
            if until > 0 {
                tracing::info!(
                    records = until,
                    "audit records from before the keyed chain are verified with the old rule"
                );
            }
        }
    }
    let mut sealed = 0;
    loop {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(sql::LEGACY_OUTBOX_PAGE)
            .fetch_all(&mut *conn)
            .await?;
        if rows.is_empty() {
            break;
        }
        let mut tx = conn.begin().await?;
        for (id, user, payload) in rows {
            let blob = key.seal(&payload, &crate::crypto::outbox_context(&user))?;
            sealed += sqlx::query(sql::SEAL_OUTBOX_ROW)
                .bind(blob)
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        tx.commit().await?;
    }
    if sealed > 0 {
        tracing::info!(
            messages = sealed,
            "queued replies from an earlier version sealed"
        );
    }
    Ok(sealed)
}
