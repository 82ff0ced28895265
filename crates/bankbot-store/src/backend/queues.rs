//! [`Inbox`] and [`Outbox`] for every SQL backend. The claim statements come from the
//! backend (`SqlStore::CLAIM_INBOX`, `CLAIM_OUTBOX`); the multi-row statements from
//! `batch.rs`.

use std::collections::HashSet;

use bankbot_core::{OutboxLabel, UserId};
use chrono::{DateTime, Utc};
use sqlx::{ColumnIndex, Database, Decode, Encode, Executor, FromRow, IntoArguments, Type};

use crate::backend::batch::{
    CHUNK, SealedReplies, complete_on, insert_events_on, mark_sent_held_on, mark_sent_on,
};
use crate::backend::placeholders::list;
use crate::backend::rows::{self, InboxRow, OutboxRow};
use crate::backend::seam::{RowsAffected, SqlStore};
use crate::backend::sql;
use crate::backend::sweep::sweep;
use crate::time::to_db;
use crate::{
    Completion, EncryptionKey, Fence, Inbox, InboxEvent, InsertOutcome, NewInboxEvent, Outbox,
    OutboxClaim, OutboxEntry, OutboxMessage, QueueCounts, StoreError, StoreResult,
};

/// Inserts messages (sealed) on an open connection (inside the caller's transaction).
async fn enqueue_on<S: SqlStore>(
    conn: &mut <S::Db as Database>::Connection,
    key: &EncryptionKey,
    messages: &[OutboxMessage],
    now: DateTime<Utc>,
) -> StoreResult<Vec<i64>>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Vec<u8>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
{
    let mut ids = Vec::with_capacity(messages.len());
    for m in messages {
        let label = crate::types::label_text(&m.label)?;
        let sealed = key.seal(&m.payload, &crate::crypto::outbox_context(m.user.as_str()))?;
        let id: i64 = sqlx::query_scalar(sql::INSERT_OUTBOX)
            .bind(m.user.as_str())
            .bind(label)
            .bind(sealed)
            .bind(to_db(now))
            .fetch_one(&mut *conn)
            .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// Runs a state change that must hit exactly one row claimed under `fence`.
async fn claimed_update<S: SqlStore>(
    store: &S,
    sql: &'static str,
    id: impl Encode<'static, S::Db> + Type<S::Db> + Send + 'static,
    fence: Fence,
    arg: Option<i64>,
    reason: &str,
) -> StoreResult<()>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> String: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Type<S::Db>,
{
    crate::types::check_label("reason", reason)?;
    let mut query = sqlx::query(sql).bind(id).bind(fence.get());
    if let Some(arg) = arg {
        query = query.bind(arg);
    }
    let done = query
        .bind(reason.to_string())
        .execute(&mut *store.writer().get().await?)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotClaimed);
    }
    Ok(())
}

/// Rows per state, from `sql` (`SELECT state, COUNT(*)`).
async fn counts<D: Database>(
    conn: &mut D::Connection,
    sql: &'static str,
) -> StoreResult<QueueCounts>
where
    for<'c> &'c mut D::Connection: Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: IntoArguments<'q, D>,
    for<'q> String: Decode<'q, D> + Type<D>,
    for<'q> i64: Decode<'q, D> + Type<D>,
    usize: ColumnIndex<D::Row>,
{
    let rows: Vec<(String, i64)> = sqlx::query_as(sql).fetch_all(conn).await?;
    Ok(rows::queue_counts(rows))
}

#[async_trait::async_trait]
impl<S> Inbox for S
where
    S: SqlStore,
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<&'q str>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Vec<u8>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
    for<'r> InboxRow: FromRow<'r, <S::Db as Database>::Row>,
{
    async fn insert_events(&self, events: &[NewInboxEvent]) -> StoreResult<Vec<InsertOutcome>> {
        // The webhook's 200 waits on this: ahead of the workers' statements.
        let mut conn = self.writer().get_first().await?;
        // One statement commits on its own: skip BEGIN/COMMIT when one will do.
        if events.len() <= CHUNK {
            return insert_events_on::<S>(&mut conn, events).await;
        }
        let mut tx = conn.begin().await?;
        let outcomes = insert_events_on::<S>(&mut tx, events).await?;
        tx.commit().await?;
        Ok(outcomes)
    }

    async fn claim_events(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<InboxEvent>> {
        let rows: Vec<InboxRow> = sqlx::query_as(S::CLAIM_INBOX)
            .bind(to_db(now))
            .bind(i64::from(limit))
            .fetch_all(&mut *self.writer().get().await?)
            .await?;
        let mut events = rows::convert(rows, |r| r.into_event())?;
        events.sort_by_key(|e| e.seq);
        Ok(events)
    }

    async fn complete_events(
        &self,
        completions: Vec<Completion>,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<String>> {
        let sealed = SealedReplies::seal(self.key(), &completions)?;
        let mut conn = self.writer().get().await?;
        let mut tx = conn.begin().await?;
        let batch = (completions.as_slice(), sealed);
        let lost = complete_on::<S>(&mut tx, self.key(), self.audit_head(), batch, now).await?;
        tx.commit().await?;
        Ok(lost)
    }

    async fn fail_event(
        &self,
        event_id: &str,
        fence: Fence,
        reason: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        let (sql, at) = match retry_at {
            Some(at) => (sql::RETRY_EVENT, Some(to_db(at))),
            None => (sql::FAIL_EVENT, None),
        };
        let id = event_id.to_string();
        claimed_update(self, sql, id, fence, at, reason).await
    }

    async fn recover_processing(&self, claimed_before: DateTime<Utc>) -> StoreResult<u64> {
        let recovered = sweep(self, sql::RECOVER_INBOX, claimed_before).await?;
        if recovered > 0 {
            tracing::info!(events = recovered, "recovered inbox events");
        }
        Ok(recovered)
    }

    async fn purge_inbox(&self, before: DateTime<Utc>) -> StoreResult<u64> {
        sweep(self, sql::PURGE_INBOX, before).await
    }

    async fn inbox_counts(&self) -> StoreResult<QueueCounts> {
        counts(&mut *self.reader().get().await?, sql::INBOX_COUNTS).await
    }
}

#[async_trait::async_trait]
impl<S> Outbox for S
where
    S: SqlStore,
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<&'q str>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Vec<u8>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
    for<'r> OutboxRow: FromRow<'r, <S::Db as Database>::Row>,
{
    async fn enqueue(
        &self,
        messages: Vec<OutboxMessage>,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<i64>> {
        let mut conn = self.writer().get().await?;
        let mut tx = conn.begin().await?;
        let ids = enqueue_on::<S>(&mut tx, self.key(), &messages, now).await?;
        tx.commit().await?;
        Ok(ids)
    }

    async fn claim_due(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<OutboxEntry>> {
        let rows: Vec<OutboxRow> = sqlx::query_as(S::CLAIM_OUTBOX)
            .bind(to_db(now))
            .bind(i64::from(limit))
            .fetch_all(&mut *self.writer().get().await?)
            .await?;
        let mut entries = rows::convert(rows, |r| r.into_entry(self.key()))?;
        entries.sort_by_key(|e| e.id);
        Ok(entries)
    }

    async fn mark_sent(&self, claim: OutboxClaim) -> StoreResult<()> {
        if mark_sent_on(self, &[claim]).await? == 0 {
            return Err(StoreError::NotClaimed);
        }
        Ok(())
    }

    async fn mark_sent_many(&self, claims: &[OutboxClaim]) -> StoreResult<u64> {
        mark_sent_on(self, claims).await
    }

    async fn mark_sent_held(&self, claims: &[OutboxClaim]) -> StoreResult<Vec<i64>> {
        mark_sent_held_on(self, claims).await
    }

    async fn reschedule(
        &self,
        claim: OutboxClaim,
        next_attempt_at: DateTime<Utc>,
        reason: &str,
    ) -> StoreResult<()> {
        let at = Some(to_db(next_attempt_at));
        let sql = sql::RESCHEDULE_OUTBOX;
        claimed_update(self, sql, claim.id, claim.fence, at, reason).await
    }

    async fn give_up(&self, claim: OutboxClaim, reason: &str) -> StoreResult<()> {
        let sql = sql::GIVE_UP_OUTBOX;
        claimed_update(self, sql, claim.id, claim.fence, None, reason).await
    }

    async fn recover_sending(&self, claimed_before: DateTime<Utc>) -> StoreResult<u64> {
        let recovered = sweep(self, sql::RECOVER_OUTBOX, claimed_before).await?;
        if recovered > 0 {
            tracing::info!(messages = recovered, "recovered outbox messages");
        }
        Ok(recovered)
    }

    async fn requeue_dead(
        &self,
        user: &UserId,
        label_prefix: &str,
        new_label: &OutboxLabel,
        created_since: DateTime<Utc>,
    ) -> StoreResult<u64> {
        crate::types::check_label("label prefix", label_prefix)?;
        let new_label = crate::types::label_text(new_label)?;
        let done = sqlx::query(sql::REQUEUE_DEAD_OUTBOX)
            .bind(user.as_str())
            .bind(label_prefix)
            .bind(new_label)
            .bind(to_db(created_since))
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(done.rows_affected())
    }

    async fn users_with_dead(
        &self,
        users: &[UserId],
        label_prefix: &str,
        created_since: DateTime<Utc>,
    ) -> StoreResult<HashSet<UserId>> {
        let mut out = HashSet::new();
        for chunk in users.chunks(200) {
            let text = format!("{}{})", sql::USERS_WITH_DEAD_PREFIX, list(3, chunk.len()));
            let mut query = sqlx::query_as(&text)
                .bind(label_prefix)
                .bind(to_db(created_since));
            for user in chunk {
                query = query.bind(user.as_str());
            }
            let rows: Vec<(String,)> = query.fetch_all(&mut *self.reader().get().await?).await?;
            out.extend(rows.into_iter().map(|(u,)| UserId::new(u)));
        }
        Ok(out)
    }

    async fn purge_dead(&self, created_before: DateTime<Utc>) -> StoreResult<u64> {
        sweep(self, sql::PURGE_DEAD_OUTBOX, created_before).await
    }

    async fn outbox_counts(&self) -> StoreResult<QueueCounts> {
        counts(&mut *self.reader().get().await?, sql::OUTBOX_COUNTS).await
    }
}
