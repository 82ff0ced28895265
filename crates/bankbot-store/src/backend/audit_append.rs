//! Appending to the audit chain, for every SQL backend, without a table lock.
//!
//! The chain's head (last record's number and hash) lives in `audit_chain`, moved by a
//! trigger on every insert into `audit_log` that also refuses records not following it
//! (migration 0008). An append chains its records to the head this process last appended
//! after ([`HeadHint`]; read first when it has none) and inserts them in one guarded
//! statement that goes in only if the head is still that one:
//!
//! - PostgreSQL: `WITH head AS (SELECT … FROM audit_chain WHERE id = 1 FOR UPDATE),
//!   added AS (INSERT … SELECT … WHERE (SELECT head_seq FROM head) = $read) SELECT head, count`.
//!   The row lock waits for a concurrent append to commit and then sees its head, so at
//!   most one of two appends from one head goes in. The other inserts nothing but now
//!   holds the head and has been told what it is: it chains again and inserts, which
//!   cannot be refused. The head is held from the guarded statement to the commit: two
//!   round trips, three when another instance moved it since (the table lock used to be
//!   held across four: the lock, the head read, the insert, the commit).
//! - SQLite (one writer connection; no data-modifying `WITH`): `INSERT … SELECT … WHERE
//!   (SELECT head_seq FROM audit_chain WHERE id = 1) = $read`, and on a refusal (another
//!   process on the file) the head is read and the records chained again.
//!
//! The hint is only a guess (a wrong one costs one statement): the guard decides.
//!
//! What this does not change: the hash rule, the records and `verify_audit`.

use std::sync::Mutex;

use sqlx::{ColumnIndex, Database, Decode, Encode, Executor, IntoArguments, Row, Type};

use crate::backend::placeholders::tuples_from;
use crate::backend::seam::{RowsAffected, SqlStore};
use crate::time::{from_db, to_db};
use crate::{
    AuditEntry, AuditRecord, Backend, EncryptionKey, StoreError, StoreResult, hash_user_id,
};

/// Rows per guarded insert: 7 binds each, well under SQLite's variable limit.
const ROWS_PER_INSERT: usize = 100;

/// The chain's head (number, hash) as this process last appended after. Shared by the
/// store's connections; a wrong guess costs one more statement, never a wrong chain.
#[derive(Debug, Default)]
pub(crate) struct HeadHint(Mutex<Option<(i64, String)>>);

impl HeadHint {
    fn get(&self) -> Option<(i64, String)> {
        self.0.lock().ok().and_then(|h| h.clone())
    }

    fn set(&self, head: (i64, String)) {
        if let Ok(mut hint) = self.0.lock() {
            *hint = Some(head);
        }
    }
}

/// Appends one entry on an open transaction.
pub(crate) async fn append_audit_on<S: SqlStore>(
    conn: &mut <S::Db as Database>::Connection,
    store: &S,
    entry: &AuditEntry,
) -> StoreResult<AuditRecord>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> String: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<&'q str>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
{
    let mut records = append_audits_on::<S>(
        conn,
        store.key(),
        store.audit_head(),
        std::slice::from_ref(entry),
    )
    .await?;
    records
        .pop()
        .ok_or_else(|| StoreError::Corrupt("an audit append returned no record".to_owned()))
}

/// Appends `entries` to the audit chain, in order, on an open transaction: each record
/// chained to the one before it exactly as a single append would, inserted in guarded
/// multi-row statements (see the module's note). Used by `complete_events`, so a batch of
/// turns costs one append, not one per turn.
pub(crate) async fn append_audits_on<S: SqlStore>(
    conn: &mut <S::Db as Database>::Connection,
    key: &EncryptionKey,
    hint: &HeadHint,
    entries: &[AuditEntry],
) -> StoreResult<Vec<AuditRecord>>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> String: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<&'q str>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
{
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    for entry in entries {
        entry.validate()?;
    }
    let chain_key = key.derive(crate::audit::AUDIT_CHAIN_PURPOSE);
    let mut head = match hint.get() {
        Some(head) => head,
        None => read_head::<S>(conn).await?,
    };
    // Twice at most: after a refused first insert, this transaction holds the head.
    for attempt in 0..2 {
        let records = chain(key, &chain_key, &head, entries)?;
        match insert_guarded::<S>(conn, head.0, &records).await? {
            None => {
                if let Some(last) = records.last() {
                    hint.set((last.seq, last.hash.clone()));
                }
                return Ok(records);
            }
            Some(current) => {
                tracing::debug!(attempt, "audit chain head moved meanwhile; chaining again");
                head = current;
            }
        }
    }
    Err(StoreError::Corrupt(
        "the audit chain's head moved while this append held it".to_owned(),
    ))
}

/// The chain's head, as committed (not locked).
async fn read_head<S: SqlStore>(
    conn: &mut <S::Db as Database>::Connection,
) -> StoreResult<(i64, String)>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> String: Decode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
{
    Ok(sqlx::query_as(AUDIT_HEAD).fetch_one(&mut *conn).await?)
}

/// The records for `entries`, chained from `head`.
fn chain(
    key: &EncryptionKey,
    chain_key: &[u8; 32],
    head: &(i64, String),
    entries: &[AuditEntry],
) -> StoreResult<Vec<AuditRecord>> {
    let (mut prev_seq, mut prev_hash) = head.clone();
    let mut records = Vec::with_capacity(entries.len());
    for entry in entries {
        let seq = prev_seq + 1;
        let at = to_db(entry.at);
        let actor = entry.user.as_ref().map(|u| hash_user_id(key, u));
        let hash = crate::audit::chain_hash(
            Some(chain_key),
            &prev_hash,
            seq,
            at,
            actor.as_deref(),
            &entry.action,
            entry.data_kind.as_deref(),
        );
        records.push(AuditRecord {
            seq,
            at: from_db(at)?,
            actor,
            action: entry.action.clone(),
            data_kind: entry.data_kind.clone(),
            prev_hash: std::mem::replace(&mut prev_hash, hash.clone()),
            hash,
        });
        prev_seq = seq;
    }
    Ok(records)
}

/// Inserts `records` if the chain's head is still `read_seq`: `None` if they went in, else
/// the head another append moved it to (nothing inserted; on PostgreSQL this transaction
/// now holds the head). Past the first statement the transaction holds the head, so a
/// later refusal is an error.
async fn insert_guarded<S: SqlStore>(
    conn: &mut <S::Db as Database>::Connection,
    read_seq: i64,
    records: &[AuditRecord],
) -> StoreResult<Option<(i64, String)>>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> String: Decode<'q, S::Db> + Type<S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<&'q str>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
{
    let mut guard = read_seq;
    for (n, chunk) in records.chunks(ROWS_PER_INSERT).enumerate() {
        let values = tuples_from(2, chunk.len(), 7);
        let text = match S::BACKEND {
            Backend::Postgres => format!(
                "WITH head AS (SELECT head_seq, head_hash FROM audit_chain WHERE id = 1 \
                 FOR UPDATE), added AS ({INSERT_AUDITS} SELECT * FROM (VALUES {values}) AS v \
                 WHERE (SELECT head_seq FROM head) = $1 RETURNING 1) \
                 SELECT head_seq, head_hash, (SELECT COUNT(*) FROM added) FROM head"
            ),
            Backend::Sqlite => format!(
                "{INSERT_AUDITS} SELECT * FROM (VALUES {values}) AS v \
                 WHERE (SELECT head_seq FROM audit_chain WHERE id = 1) = $1"
            ),
        };
        let mut query = sqlx::query(&text).bind(guard);
        for r in chunk {
            query = query
                .bind(r.seq)
                .bind(to_db(r.at))
                .bind(r.actor.as_deref())
                .bind(r.action.as_str())
                .bind(r.data_kind.as_deref())
                .bind(r.prev_hash.as_str())
                .bind(r.hash.as_str());
        }
        let (inserted, current) = match S::BACKEND {
            Backend::Postgres => {
                let row = query.fetch_one(&mut *conn).await?;
                let head: (i64, String) = (row.try_get(0)?, row.try_get(1)?);
                let inserted: i64 = row.try_get(2)?;
                (u64::try_from(inserted).unwrap_or(0), Some(head))
            }
            Backend::Sqlite => (query.execute(&mut *conn).await?.rows_affected(), None),
        };
        if inserted != chunk.len() as u64 {
            if n == 0 && inserted == 0 {
                return Ok(Some(match current {
                    Some(head) => head,
                    None => read_head::<S>(conn).await?,
                }));
            }
            return Err(StoreError::Corrupt(format!(
                "an audit append inserted {inserted} of {} records",
                chunk.len()
            )));
        }
        if let Some(last) = chunk.last() {
            guard = last.seq;
        }
    }
    Ok(None)
}

/// The chain's head, kept by the trigger of migration 0008.
const AUDIT_HEAD: &str = "SELECT head_seq, head_hash FROM audit_chain WHERE id = 1";
/// The audit insert's head; its rows follow.
const INSERT_AUDITS: &str =
    "INSERT INTO audit_log (seq, at, actor, action, data_kind, prev_hash, hash)";
