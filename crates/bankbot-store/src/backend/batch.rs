//! Multi-row statements (their placeholders from `placeholders.rs`): completing a batch of
//! inbox events, inserting a batch of events, marking many messages sent.

use std::collections::HashSet;

use bankbot_core::UserId;
use chrono::{DateTime, Utc};
use sqlx::{ColumnIndex, Database, Decode, Encode, Executor, IntoArguments, Type};

use crate::backend::audit_append::{HeadHint, append_audits_on};
use crate::backend::joined::{Joined, Value};
use crate::backend::placeholders::{list, tuples, tuples_from};
use crate::backend::seam::{RowsAffected, SqlStore};
use crate::backend::sql;
use crate::time::to_db;
use crate::{
    AuditEntry, Completion, EncryptionKey, InsertOutcome, NewInboxEvent, OutboxClaim,
    OutboxMessage, SessionWrite, StoreResult,
};

/// Rows per statement, well under SQLite's bound-variable limit.
pub(crate) const CHUNK: usize = 200;

/// A batch's replies sealed for the outbox, in the completions' order: done before the
/// batch's transaction starts, so the one writer is not held while AES-GCM runs (the
/// sealed blob depends on the reply and its user only).
pub(crate) struct SealedReplies(Vec<(String, Vec<u8>)>);

impl SealedReplies {
    /// Seals every reply of `completions` with `key` (label checked, payload sealed).
    pub(crate) fn seal(key: &EncryptionKey, completions: &[Completion]) -> StoreResult<Self> {
        let mut sealed = Vec::new();
        for m in completions.iter().flat_map(|c| c.replies.iter()) {
            let label = crate::types::label_text(&m.label)?;
            let context = crate::crypto::outbox_context(m.user.as_str());
            sealed.push((label, key.seal(&m.payload, &context)?));
        }
        Ok(SealedReplies(sealed))
    }
}

/// Marks processing events done, enqueues their replies (`sealed`, from the same
/// `completions`), saves the sessions and appends the audit entries (one chained append
/// for the batch), on the caller's open transaction, for the completions whose claim
/// (event id and fence) still holds; returns the ids of the others (claim lost: their
/// results are dropped). An event erased meanwhile by `delete_user` counts as held (its
/// replies are enqueued).
pub(crate) async fn complete_on<S: SqlStore>(
    conn: &mut <S::Db as Database>::Connection,
    key: &EncryptionKey,
    head: &HeadHint,
    (completions, sealed): (&[Completion], SealedReplies),
    now: DateTime<Utc>,
) -> StoreResult<Vec<String>>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<&'q str>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Vec<u8>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
{
    let mut lost: Vec<String> = Vec::new();
    for chunk in completions.chunks(CHUNK) {
        let text = format!(
            "{}{}) RETURNING event_id",
            sql::COMPLETE_EVENTS_PREFIX,
            tuples(chunk.len(), 2)
        );
        let mut query = sqlx::query_scalar(&text);
        for c in chunk {
            query = query.bind(c.event_id.as_str()).bind(c.fence.get());
        }
        let done: Vec<String> = query.fetch_all(&mut *conn).await?;
        let missing: Vec<&str> = chunk
            .iter()
            .map(|c| c.event_id.as_str())
            .filter(|id| !done.iter().any(|d| d == id))
            .collect();
        if !missing.is_empty() {
            let text = format!(
                "SELECT event_id FROM inbox WHERE event_id IN ({})",
                list(1, missing.len())
            );
            let mut query = sqlx::query_scalar(&text);
            for id in &missing {
                query = query.bind(*id);
            }
            let present: Vec<String> = query.fetch_all(&mut *conn).await?;
            if present.len() < missing.len() {
                // Erased by delete_user while processed ("delete my data" itself).
                tracing::debug!("completing inbox events erased while processed");
            }
            lost.extend(
                missing
                    .into_iter()
                    .filter(|id| present.iter().any(|p| p == id))
                    .map(str::to_owned),
            );
        }
    }
    let kept: Vec<&Completion> = completions
        .iter()
        .filter(|c| !lost.contains(&c.event_id))
        .collect();
    // The replies, sessions and contacts: one round trip on SQLite (`joined.rs`).
    let mut joined = Joined::<S>::default();
    let mut sealed = sealed.0.into_iter();
    let mut replies: Vec<(&OutboxMessage, String, Vec<u8>)> = Vec::new();
    for c in completions {
        let held = !lost.contains(&c.event_id);
        for m in &c.replies {
            let Some((label, blob)) = sealed.next() else {
                return Err(crate::StoreError::InvalidInput(
                    "sealed replies do not match the batch".into(),
                ));
            };
            if held {
                replies.push((m, label, blob));
            }
        }
    }
    let mut replies = replies.into_iter().peekable();
    while replies.peek().is_some() {
        let chunk: Vec<_> = replies.by_ref().take(CHUNK).collect();
        let first = joined.room(conn, chunk.len() * 6).await?;
        let text = format!(
            "INSERT INTO outbox (user_id, messaging_type, payload, sealed, created_at, \
             next_attempt_at) VALUES {}",
            tuples_from(first, chunk.len(), 6)
        );
        let mut values = Vec::with_capacity(chunk.len() * 6);
        for (m, label, blob) in chunk {
            values.extend([
                Value::Str(m.user.as_str()),
                Value::Text(label),
                Value::Str(""),
                Value::Blob(blob),
                Value::Int(to_db(now)),
                Value::Int(0),
            ]);
        }
        joined.push(conn, &text, values).await?;
    }
    // One session and one contact row per user (a batch holds distinct users; the
    // last write wins if not), each kind in multi-row upserts.
    let mut writes: Vec<&SessionWrite> = Vec::new();
    for write in kept.iter().filter_map(|c| c.session.as_ref()) {
        writes.retain(|w| w.user != write.user);
        writes.push(write);
    }
    for chunk in writes.chunks(CHUNK) {
        let first = joined.room(conn, chunk.len() * 4).await?;
        let text = format!(
            "INSERT INTO sessions (user_id, doc, updated_at, expires_at) VALUES {} \
             ON CONFLICT (user_id) DO UPDATE SET doc = excluded.doc, \
             updated_at = excluded.updated_at, expires_at = excluded.expires_at",
            tuples_from(first, chunk.len(), 4)
        );
        let mut values = Vec::with_capacity(chunk.len() * 4);
        for w in chunk {
            values.extend([
                Value::Str(w.user.as_str()),
                Value::Text(w.doc.to_string()),
                Value::Int(to_db(now)),
                Value::Int(to_db(w.expires_at)),
            ]);
        }
        joined.push(conn, &text, values).await?;
    }
    let contacts: Vec<(&UserId, DateTime<Utc>)> = writes
        .iter()
        .filter_map(|w| w.last_inbound.map(|at| (&w.user, at)))
        .collect();
    for chunk in contacts.chunks(CHUNK) {
        let first = joined.room(conn, chunk.len() * 2).await?;
        let text = format!(
            "INSERT INTO alert_contacts (user_id, last_inbound_at) VALUES {} \
             ON CONFLICT (user_id) DO UPDATE SET last_inbound_at = excluded.last_inbound_at",
            tuples_from(first, chunk.len(), 2)
        );
        let mut values = Vec::with_capacity(chunk.len() * 2);
        for (user, at) in chunk {
            values.extend([Value::Str(user.as_str()), Value::Int(to_db(*at))]);
        }
        joined.push(conn, &text, values).await?;
    }
    joined.send(conn).await?;
    // Last, so the chain's head (locked by the append on PostgreSQL) is held only until
    // the commit.
    let audit: Vec<AuditEntry> = kept.iter().flat_map(|c| c.audit.iter().cloned()).collect();
    append_audits_on::<S>(&mut *conn, key, head, &audit).await?;
    Ok(lost)
}

/// Inserts inbox events in multi-row statements on `conn`: `Inserted` for the first
/// occurrence of each new id, `Duplicate` for the rest.
pub(crate) async fn insert_events_on<S: SqlStore>(
    conn: &mut <S::Db as Database>::Connection,
    events: &[NewInboxEvent],
) -> StoreResult<Vec<InsertOutcome>>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Decode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
{
    let mut outcomes = Vec::with_capacity(events.len());
    for chunk in events.chunks(CHUNK) {
        let text = format!(
            "INSERT INTO inbox \
             (event_id, user_id, payload, received_at, event_at, next_attempt_at) VALUES {} \
             ON CONFLICT (event_id) DO NOTHING RETURNING event_id",
            tuples(chunk.len(), 6)
        );
        let mut query = sqlx::query_scalar(&text);
        for e in chunk {
            let event_at = e.sent_at.unwrap_or(e.received_at);
            query = query
                .bind(e.event_id.as_str())
                .bind(e.user.as_str())
                .bind(e.payload.as_str())
                .bind(to_db(e.received_at))
                .bind(to_db(event_at))
                .bind(0_i64);
        }
        let inserted: Vec<String> = query.fetch_all(&mut *conn).await?;
        let mut fresh: HashSet<String> = inserted.into_iter().collect();
        for e in chunk {
            outcomes.push(if fresh.remove(&e.event_id) {
                InsertOutcome::Inserted
            } else {
                InsertOutcome::Duplicate
            });
        }
    }
    Ok(outcomes)
}

/// Deletes sent messages that are still claimed under these fences; returns how many.
pub(crate) async fn mark_sent_on<S: SqlStore>(store: &S, claims: &[OutboxClaim]) -> StoreResult<u64>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Type<S::Db>,
{
    let mut deleted = 0;
    for chunk in claims.chunks(CHUNK) {
        let text = format!("{}{})", sql::MARK_SENT_PREFIX, tuples(chunk.len(), 2));
        let mut query = sqlx::query(&text);
        for c in chunk {
            query = query.bind(c.id).bind(c.fence.get());
        }
        deleted += query
            .execute(&mut *store.writer().get().await?)
            .await?
            .rows_affected();
    }
    Ok(deleted)
}

/// As [`mark_sent_on`], saying which: deletes the still-claimed messages and returns their
/// ids (`RETURNING id`, both backends).
pub(crate) async fn mark_sent_held_on<S: SqlStore>(
    store: &S,
    claims: &[OutboxClaim],
) -> StoreResult<Vec<i64>>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
{
    let mut held = Vec::with_capacity(claims.len());
    for chunk in claims.chunks(CHUNK) {
        let text = format!(
            "{}{}) RETURNING id",
            sql::MARK_SENT_PREFIX,
            tuples(chunk.len(), 2)
        );
        let mut query = sqlx::query_scalar(&text);
        for c in chunk {
            query = query.bind(c.id).bind(c.fence.get());
        }
        let ids: Vec<i64> = query.fetch_all(&mut *store.writer().get().await?).await?;
        held.extend(ids);
    }
    Ok(held)
}
