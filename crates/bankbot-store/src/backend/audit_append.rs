//! Appending to the audit chain, for every SQL backend, without a table lock.
//!
//! The chain's head (last record's number and hash) lives in `audit_chain`, moved by a
//! trigger on every insert into `audit_log` that also refuses records not following it
//! (migration 0008). An append chains its records to a head it believes current and
//! inserts them in one guarded statement, `INSERT … SELECT … WHERE (SELECT head_seq FROM
//! audit_chain WHERE id = 1 [FOR UPDATE]) = $read`: on PostgreSQL the guard's row lock waits
//! for a concurrent append to commit and then sees its head, so at most one of two appends
//! from one head goes in; the other inserts nothing, now holds the head's row lock, reads
//! the head and chains again, which cannot fail. The lock is held from the guarded insert
//! to the commit (two round trips), where the table lock used to be held across four (the
//! lock, the head read, the insert, the commit).
//!
//! The head believed current is the one this process last appended after ([`HeadHint`]),
//! while that keeps being right (one instance: one statement per append); once another
//! writer has moved it, it is read first (unlocked), until a read finds the hint right
//! again. The hint is only a guess: the guard decides.
//!
//! What this does not change: the hash rule, the records and `verify_audit`.

use std::sync::Mutex;

use sqlx::{ColumnIndex, Database, Decode, Encode, Executor, IntoArguments, Type};

use crate::backend::placeholders::tuples_from;
use crate::backend::seam::{RowsAffected, SqlStore};
use crate::time::{from_db, to_db};
use crate::{AuditEntry, AuditRecord, EncryptionKey, StoreError, StoreResult, hash_user_id};

/// Rows per guarded insert: 7 binds each, well under SQLite's variable limit.
const ROWS_PER_INSERT: usize = 100;

/// What this process last knew of the chain's head, and whether to use it without reading
/// the head first. Shared by the store's connections; a wrong guess costs one more
/// statement, never a wrong chain.
#[derive(Debug, Default)]
pub(crate) struct HeadHint(Mutex<Hint>);

#[derive(Debug, Default, Clone)]
struct Hint {
    head: Option<(i64, String)>,
    trusted: bool,
}

impl HeadHint {
    fn get(&self) -> Hint {
        self.0.lock().map(|h| h.clone()).unwrap_or_default()
    }

    fn update(&self, change: impl FnOnce(&mut Hint)) {
        if let Ok(mut hint) = self.0.lock() {
            change(&mut hint);
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
    let known = hint.get();
    let mut head = match known.head {
        Some(head) if known.trusted => head,
        guess => {
            let read = read_head::<S>(conn, "").await?;
            let right = guess.as_ref() == Some(&read);
            hint.update(|h| h.trusted = right);
            read
        }
    };
    // Twice at most: after a refused first insert, this transaction holds the head.
    for attempt in 0..2 {
        let records = chain(key, &chain_key, &head, entries)?;
        if insert_guarded::<S>(conn, head.0, &records).await? {
            if let Some(last) = records.last() {
                let new_head = (last.seq, last.hash.clone());
                hint.update(|h| h.head = Some(new_head));
            }
            return Ok(records);
        }
        tracing::debug!(attempt, "audit chain head moved meanwhile; chaining again");
        hint.update(|h| h.trusted = false);
        head = read_head::<S>(conn, S::ROW_LOCK).await?;
    }
    Err(StoreError::Corrupt(
        "the audit chain's head moved while this append held it".to_owned(),
    ))
}

/// The chain's head, with `lock` (`S::ROW_LOCK` or nothing) after the read.
async fn read_head<S: SqlStore>(
    conn: &mut <S::Db as Database>::Connection,
    lock: &str,
) -> StoreResult<(i64, String)>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> String: Decode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
{
    let text = format!("SELECT head_seq, head_hash FROM audit_chain WHERE id = 1{lock}");
    Ok(sqlx::query_as(&text).fetch_one(&mut *conn).await?)
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

/// Inserts `records` if the chain's head is still `read_seq`: true if they went in, false
/// if another append moved the head first (nothing inserted). Past the first statement
/// this transaction holds the head, so a later refusal is an error.
async fn insert_guarded<S: SqlStore>(
    conn: &mut <S::Db as Database>::Connection,
    read_seq: i64,
    records: &[AuditRecord],
) -> StoreResult<bool>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<&'q str>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Type<S::Db>,
{
    let mut guard = read_seq;
    for (n, chunk) in records.chunks(ROWS_PER_INSERT).enumerate() {
        let text = format!(
            "INSERT INTO audit_log (seq, at, actor, action, data_kind, prev_hash, hash) \
             SELECT * FROM (VALUES {}) AS v \
             WHERE (SELECT head_seq FROM audit_chain WHERE id = 1{}) = $1",
            tuples_from(2, chunk.len(), 7),
            S::ROW_LOCK
        );
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
        let inserted = query.execute(&mut *conn).await?.rows_affected();
        if inserted != chunk.len() as u64 {
            if n == 0 && inserted == 0 {
                return Ok(false);
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
    Ok(true)
}
